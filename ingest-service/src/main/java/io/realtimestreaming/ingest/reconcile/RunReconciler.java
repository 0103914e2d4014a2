package io.realtimestreaming.ingest.reconcile;

import io.realtimestreaming.ingest.outbox.OutboxStore;
import io.realtimestreaming.ingest.run.IngestionRun;
import io.realtimestreaming.ingest.run.RunRejections;
import io.realtimestreaming.ingest.run.RunStatus;
import io.realtimestreaming.ingest.users.UserStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reconciles a run end to end: its counters in PostgreSQL against the stream job's ledger in
 * Cassandra. A ledger that cannot be read makes the landing side unknown, never an error of the run
 * view.
 */
@Service
public class RunReconciler {

  private static final Logger log = LoggerFactory.getLogger(RunReconciler.class);

  private final RunRejections rejections;
  private final LandingLedger ledger;
  private final UserStore users;
  private final OutboxStore outbox;

  RunReconciler(
      RunRejections rejections, LandingLedger ledger, UserStore users, OutboxStore outbox) {
    this.rejections = rejections;
    this.ledger = ledger;
    this.users = users;
    this.outbox = outbox;
  }

  public RunReconciliation reconcile(IngestionRun run) {
    LandingLedger.Counts counts = null;
    String ledgerError = null;
    try {
      counts = ledger.counts(run.getId());
    } catch (RuntimeException e) {
      ledgerError = "the landing ledger in Cassandra cannot be read: " + e.getMessage();
      log.debug("run {}: {}", run.getId(), ledgerError);
    }
    return RunReconciliation.of(
        run.getStatus() == RunStatus.RUNNING,
        rejections.of(run.getId()),
        run.getStored(),
        run.getPublished(),
        run.getParked(),
        counts,
        ledgerError);
  }

  /**
   * Users of the run (those whose latest ingestion it is) that nothing accounts for yet: not
   * landed, not dead-lettered (the ledger), not parked. In id order, at most {@code limit}.
   *
   * @throws RuntimeException (the driver's) when the ledger cannot be read
   */
  public List<UUID> unaccounted(UUID runId, int limit) {
    Set<UUID> accounted = new HashSet<>(ledger.recordedUsers(runId));
    accounted.addAll(outbox.parkedUsers(runId, Integer.MAX_VALUE));
    return users.idsOfRun(runId, Integer.MAX_VALUE).stream()
        .filter(id -> !accounted.contains(id))
        .limit(limit)
        .toList();
  }

  /** Users of the run whose events Kafka refused for good (parked), in id order. */
  public List<UUID> parked(UUID runId, int limit) {
    return outbox.parkedUsers(runId, limit);
  }
}
