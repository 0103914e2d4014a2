package io.realtimestreaming.ingest.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where every record of a run went, and whether the run has caught up end to end. Once it has,
 * {@code fetched = rejected + stored + duplicates}, {@code stored = published + parked} and {@code
 * published = landed + deadLettered}.
 *
 * @param rejectedByReason records refused at the door, by UserContract rule
 * @param landed events written to Cassandra (or superseded there by a newer version); null when the
 *     ledger could not be read
 * @param deadLettered events the stream job sent to the dead-letter topic; null as {@code landed}
 * @param pending the identities that do not hold yet: {@code ingesting} (the run is RUNNING),
 *     {@code publishing} (stored events not yet published or parked), {@code landing} (published
 *     events not yet landed or dead-lettered), {@code unknown} (the ledger could not be read);
 *     empty when the run has caught up
 * @param ledgerError why the ledger could not be read, or null
 * @param caughtUp true when every identity holds for a run that has ended ({@code pending} empty)
 */
public record RunReconciliation(
    Map<String, Integer> rejectedByReason,
    int stored,
    int published,
    int parked,
    Long landed,
    Long deadLettered,
    List<String> pending,
    String ledgerError,
    boolean caughtUp) {

  static RunReconciliation of(
      boolean running,
      Map<String, Integer> rejectedByReason,
      int stored,
      int published,
      int parked,
      LandingLedger.Counts ledger,
      String ledgerError) {
    List<String> pending = new ArrayList<>();
    if (running) {
      pending.add("ingesting");
    }
    if (stored != published + parked) {
      pending.add("publishing");
    }
    if (ledger == null) {
      pending.add("unknown");
    } else if (published != ledger.landed() + ledger.deadLettered()) {
      pending.add("landing");
    }
    return new RunReconciliation(
        Map.copyOf(rejectedByReason),
        stored,
        published,
        parked,
        ledger == null ? null : ledger.landed(),
        ledger == null ? null : ledger.deadLettered(),
        List.copyOf(pending),
        ledgerError,
        pending.isEmpty());
  }
}
