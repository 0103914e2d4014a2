package io.realtimestreaming.ingest.api;

import io.realtimestreaming.ingest.reconcile.RunReconciliation;
import io.realtimestreaming.ingest.run.IngestionRun;
import io.realtimestreaming.ingest.run.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A run as the API shows it. {@code fetched} records arrived; of those {@code rejected} broke the
 * user contract (by rule in {@code reconciliation.rejectedByReason}), {@code duplicates} repeated a
 * user the run already had, and {@code stored} are the users the run wrote, one event each. {@code
 * published} events Kafka acknowledged and {@code parked} ones it refused for good; {@code
 * reconciliation} adds what the stream job made of them (landed, dead-lettered) and which
 * identities are still pending. Lists of runs leave {@code reconciliation} out (null).
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
    int parked,
    String error,
    Instant startedAt,
    Instant updatedAt,
    Instant finishedAt,
    RunReconciliation reconciliation) {

  static RunView from(IngestionRun run, RunReconciliation reconciliation) {
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
        run.getParked(),
        run.getError(),
        run.getStartedAt(),
        run.getUpdatedAt(),
        run.getFinishedAt(),
        reconciliation);
  }
}
