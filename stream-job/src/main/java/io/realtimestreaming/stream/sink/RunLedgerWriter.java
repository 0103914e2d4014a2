package io.realtimestreaming.stream.sink;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.realtimestreaming.stream.settings.CassandraTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Writes a task's ledger entries: grouped by run, {@value #ROWS_PER_BATCH} rows per unlogged batch.
 * Every row of such a batch is in one partition (the run), so Cassandra applies it as one mutation:
 * a run's ledger costs a few writes per chunk of users instead of one per user. Rows are keyed by
 * (run, outcome, user, version), so writing one again (a retried batch) changes nothing.
 */
public final class RunLedgerWriter {

  /** Small enough to stay under Cassandra's batch size warning (5 KiB). */
  static final int ROWS_PER_BATCH = 50;

  private final CqlSession session;
  private final PreparedStatement insert;
  private final ConsistencyLevel consistency;
  private final Instant recordedAt;

  /**
   * @param recordedAt stamped on every row written: when the writes they record were acknowledged
   */
  public RunLedgerWriter(CqlSession session, CassandraTarget target, Instant recordedAt) {
    this.session = session;
    this.insert =
        session.prepare(
            SimpleStatement.newInstance(
                "INSERT INTO "
                    + target.qualifiedLedgerTable()
                    + " (ingestion_run_id, outcome, user_id, version, reason, recorded_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)"));
    this.consistency = target.consistencyLevel();
    this.recordedAt = recordedAt;
  }

  /**
   * Writes the entries and waits for every write.
   *
   * @throws CassandraWriteException if a write failed after the driver's retries: the batch of the
   *     stream fails and Spark runs it again
   */
  public void writeAll(Collection<LedgerEntry> entries) {
    Map<UUID, List<LedgerEntry>> byRun = new LinkedHashMap<>();
    entries.forEach(e -> byRun.computeIfAbsent(e.runId(), run -> new ArrayList<>()).add(e));
    List<CompletableFuture<?>> writes = new ArrayList<>();
    for (List<LedgerEntry> run : byRun.values()) {
      for (int from = 0; from < run.size(); from += ROWS_PER_BATCH) {
        List<LedgerEntry> rows = run.subList(from, Math.min(run.size(), from + ROWS_PER_BATCH));
        CompletionStage<?> write = session.executeAsync(batch(rows));
        writes.add(write.toCompletableFuture());
      }
    }
    try {
      CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw new CassandraWriteException(
          "writing "
              + entries.size()
              + " run ledger rows failed after the driver's retries ("
              + e.getCause()
              + "); the batch fails and Spark retries it",
          e.getCause());
    }
  }

  private BatchStatement batch(List<LedgerEntry> rows) {
    BatchStatementBuilder batch =
        BatchStatement.builder(BatchType.UNLOGGED)
            .setConsistencyLevel(consistency)
            .setIdempotence(true);
    for (LedgerEntry e : rows) {
      BoundStatementBuilder row =
          insert
              .boundStatementBuilder()
              .setUuid(0, e.runId())
              .setString(1, e.outcome())
              .setUuid(2, e.userId())
              .setLong(3, e.version())
              .setInstant(5, recordedAt);
      if (e.reason() != null) {
        // A landed row leaves reason unset: a bound null would write a tombstone cell per row,
        // which every read of the run's partition (its reconciliation) then has to step over.
        row.setString(4, e.reason());
      }
      batch.addStatement(row.build());
    }
    return batch.build();
  }
}
