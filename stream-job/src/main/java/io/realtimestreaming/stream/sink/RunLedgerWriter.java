package io.realtimestreaming.stream.sink;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.realtimestreaming.stream.settings.CassandraTarget;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Writes a task's ledger entries as packs: a row of the run ledger per run and outcome, holding up
 * to {@value #EVENTS_PER_PACK} events. A row per event cost Cassandra about a fifth of the job's
 * rate; a pack costs one row whatever it holds. A pack's key is derived from its events, so writing
 * the same entries again (a retried flush) leaves the same rows.
 */
public final class RunLedgerWriter {

  /** About 30 KiB of ids and versions: one mutation, well under Cassandra's limits. */
  static final int EVENTS_PER_PACK = 1_000;

  private record RunOutcome(UUID runId, String outcome) {}

  private final CqlSession session;
  private final PreparedStatement insert;
  private final ConsistencyLevel consistency;
  private final Instant recordedAt;

  /**
   * @param recordedAt stamped on every pack written: when the writes they record were acknowledged
   */
  public RunLedgerWriter(CqlSession session, CassandraTarget target, Instant recordedAt) {
    this.session = session;
    this.insert =
        session.prepare(
            SimpleStatement.newInstance(
                "INSERT INTO "
                    + target.qualifiedLedgerTable()
                    + " (ingestion_run_id, outcome, pack, user_ids, versions, reasons, recorded_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)"));
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
    Map<RunOutcome, List<LedgerEntry>> byRunOutcome = new LinkedHashMap<>();
    entries.forEach(
        e ->
            byRunOutcome
                .computeIfAbsent(new RunOutcome(e.runId(), e.outcome()), k -> new ArrayList<>())
                .add(e));
    List<CompletableFuture<?>> writes = new ArrayList<>();
    for (List<LedgerEntry> events : byRunOutcome.values()) {
      for (int from = 0; from < events.size(); from += EVENTS_PER_PACK) {
        List<LedgerEntry> pack =
            events.subList(from, Math.min(events.size(), from + EVENTS_PER_PACK));
        writes.add(session.executeAsync(insert(pack)).toCompletableFuture());
      }
    }
    try {
      CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw new CassandraWriteException(
          "writing "
              + entries.size()
              + " run ledger events failed after the driver's retries ("
              + e.getCause()
              + "); the batch fails and Spark retries it",
          e.getCause());
    }
  }

  private BoundStatement insert(List<LedgerEntry> pack) {
    LedgerEntry first = pack.get(0);
    List<UUID> users = new ArrayList<>(pack.size());
    List<Long> versions = new ArrayList<>(pack.size());
    for (LedgerEntry e : pack) {
      users.add(e.userId());
      versions.add(e.version());
    }
    BoundStatementBuilder row =
        insert
            .boundStatementBuilder()
            .setUuid(0, first.runId())
            .setString(1, first.outcome())
            .setUuid(2, packId(first, users, versions))
            .setList(3, users, UUID.class)
            .setList(4, versions, Long.class)
            .setInstant(6, recordedAt)
            .setConsistencyLevel(consistency)
            .setIdempotence(true);
    if (LedgerEntry.DEAD_LETTERED.equals(first.outcome())) {
      // Landed packs leave reasons unset: a bound null would write a tombstone cell per pack,
      // which every read of the run's partition (its reconciliation) then has to step over.
      row.setList(
          5, pack.stream().map(e -> e.reason() == null ? "" : e.reason()).toList(), String.class);
    }
    return row.build();
  }

  /** A name-based UUID of the pack's run, outcome and events: the same events, the same key. */
  static UUID packId(LedgerEntry first, List<UUID> users, List<Long> versions) {
    byte[] outcome = first.outcome().getBytes(StandardCharsets.UTF_8);
    ByteBuffer key = ByteBuffer.allocate(16 + outcome.length + users.size() * 24);
    key.putLong(first.runId().getMostSignificantBits())
        .putLong(first.runId().getLeastSignificantBits())
        .put(outcome);
    for (int i = 0; i < users.size(); i++) {
      key.putLong(users.get(i).getMostSignificantBits())
          .putLong(users.get(i).getLeastSignificantBits())
          .putLong(versions.get(i));
    }
    return UUID.nameUUIDFromBytes(key.array());
  }
}
