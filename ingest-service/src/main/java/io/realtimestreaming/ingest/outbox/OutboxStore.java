package io.realtimestreaming.ingest.outbox;

import io.realtimestreaming.model.User;
import io.realtimestreaming.model.wire.UserWireCodec;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code outbox} table.
 *
 * <p>The payload stored is the Kafka value itself (Avro in the Confluent wire format, schema id
 * included), encoded when the user is stored. So the event is fixed in the transaction that
 * stored the user, as Debezium's outbox does: the relay neither reads {@code users} back nor
 * encodes, it only ships bytes, and a later update of the user cannot change an event already
 * written.
 *
 * <p>Appends are a JDBC batch: plain inserts, which the driver's {@code reWriteBatchedInserts}
 * turns into multi-row statements, so a page of 5000 rows is a handful of round trips.
 */
@Repository
public class OutboxStore {

  private final JdbcTemplate jdbc;
  private final UserWireCodec codec;

  OutboxStore(JdbcTemplate jdbc, UserWireCodec codec) {
    this.jdbc = jdbc;
    this.codec = codec;
  }

  /** Writes one outbox row per user; call inside the transaction that stores the users. */
  public void append(UUID runId, List<User> users) {
    jdbc.batchUpdate(
        "insert into outbox (run_id, user_id, payload) values (?, ?, ?)",
        users,
        1000,
        (ps, user) -> {
          ps.setObject(1, runId);
          ps.setObject(2, user.id());
          ps.setBytes(3, codec.encode(user));
        });
  }

  /**
   * Claims up to {@code limit} of the oldest rows by deleting them; the rows stay locked, and so
   * invisible to other relays ({@code SKIP LOCKED}), until the caller's transaction ends. A
   * rollback puts them back.
   *
   * @return the rows in outbox order
   */
  List<OutboxRow> claim(int limit) {
    List<OutboxRow> rows =
        jdbc.query(
            """
            delete from outbox where seq in (
                select seq from outbox order by seq limit ? for update skip locked)
            returning seq, run_id, user_id, payload
            """,
            (rs, i) ->
                new OutboxRow(
                    rs.getLong(1),
                    rs.getObject(2, UUID.class),
                    rs.getObject(3, UUID.class),
                    rs.getBytes(4)),
            limit);
    rows.sort(Comparator.comparingLong(OutboxRow::seq));
    return rows;
  }

  /** Adds the acknowledged rows to their runs' {@code published} counters. */
  void countPublished(List<OutboxRow> rows) {
    Map<UUID, Long> perRun = perRun(rows);
    jdbc.batchUpdate(
        "update ingestion_runs set published = published + ?, updated_at = now() where id = ?",
        List.copyOf(perRun.entrySet()),
        perRun.size(),
        (ps, entry) -> {
          ps.setLong(1, entry.getValue());
          ps.setObject(2, entry.getKey());
        });
  }

  /** Rows waiting to be published. */
  long backlog() {
    Long count = jdbc.queryForObject("select count(*) from outbox", Long.class);
    return count == null ? 0 : count;
  }

  /** Rows per run, for the runs' counters. */
  static Map<UUID, Long> perRun(List<OutboxRow> rows) {
    return rows.stream()
        .collect(Collectors.groupingBy(OutboxRow::runId, Collectors.counting()));
  }
}
