package io.realtimestreaming.ingest.run;

import java.util.List;
import java.util.UUID;

/** What a run was asked to do, handed to the ingestion thread. */
record RunRequest(UUID id, int count, String seed, List<String> nationalities) {

  static RunRequest of(IngestionRun run) {
    return new RunRequest(run.getId(), run.getRequested(), run.getSeed(), run.getNationalities());
  }
}
