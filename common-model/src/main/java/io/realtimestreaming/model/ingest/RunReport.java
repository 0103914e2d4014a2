package io.realtimestreaming.model.ingest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A run as {@code GET /api/v1/ingestions/{id}} reports it (the fields a client reads).
 *
 * @param status {@code RUNNING}, {@code SUCCEEDED} or {@code FAILED}
 * @param reconciliation what became of the run's records end to end; null in lists of runs
 */
public record RunReport(
    UUID id,
    String status,
    int requested,
    int fetched,
    int stored,
    int duplicates,
    int rejected,
    int published,
    int parked,
    String error,
    Reconciliation reconciliation) {

  /**
   * @param landed null when the service could not read the ledger ({@code ledgerError} says why)
   * @param pending the identities that do not hold yet: ingesting, publishing, landing, unknown
   */
  public record Reconciliation(
      Map<String, Integer> rejectedByReason,
      Long landed,
      Long deadLettered,
      List<String> pending,
      String ledgerError,
      boolean caughtUp) {}

  public boolean finished() {
    return !"RUNNING".equals(status);
  }

  public boolean failed() {
    return "FAILED".equals(status);
  }

  /** Landed events, 0 while unknown. */
  public long landed() {
    return reconciliation == null || reconciliation.landed() == null ? 0 : reconciliation.landed();
  }

  /** Dead-lettered events, 0 while unknown. */
  public long deadLettered() {
    return reconciliation == null || reconciliation.deadLettered() == null
        ? 0
        : reconciliation.deadLettered();
  }

  /** True once the run has ended and every identity holds. */
  public boolean caughtUp() {
    return reconciliation != null && reconciliation.caughtUp();
  }
}
