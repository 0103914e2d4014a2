package io.realtimestreaming.ingest.api;

import io.realtimestreaming.ingest.run.IngestionRun;
import io.realtimestreaming.ingest.run.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A run as the API shows it. {@code stored} counts users written (new and updated); {@code
 * duplicates} those of them that existed already; {@code published} the users Kafka has
 * acknowledged, which catches up with {@code stored} after the run has SUCCEEDED.
 */
record RunView(
    UUID id,
    RunStatus status,
    String seed,
    List<String> nationalities,
    int requested,
    int fetched,
    int stored,
    int duplicates,
    int rejected,
    int published,
    String error,
    Instant startedAt,
    Instant updatedAt,
    Instant finishedAt) {

  static RunView from(IngestionRun run) {
    return new RunView(
        run.getId(),
        run.getStatus(),
        run.getSeed(),
        run.getNationalities(),
        run.getRequested(),
        run.getFetched(),
        run.getStored(),
        run.getDuplicates(),
        run.getRejected(),
        run.getPublished(),
        run.getError(),
        run.getStartedAt(),
        run.getUpdatedAt(),
        run.getFinishedAt());
  }
}
