package io.realtimestreaming.ingest.api;

import java.util.UUID;

/** No run has this id. */
final class RunNotFoundException extends RuntimeException {

  RunNotFoundException(UUID id) {
    super("no ingestion run has id " + id);
  }
}
