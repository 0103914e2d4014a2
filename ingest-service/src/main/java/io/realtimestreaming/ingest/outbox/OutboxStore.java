package io.realtimestreaming.ingest.outbox;

import io.realtimestreaming.model.User;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code outbox} table: one row per stored page, holding its users' ids and events in order.
 *
 * <p>The events stored are the Kafka values themselves (Avro in the Confluent wire format, schema
 * id included), encoded with the users. So an event is fixed in the transaction that stored its
 * user, as in Debezium's outbox: the relay neither reads {@code users} back nor encodes, it only
 * ships bytes, and a later update of the user cannot change an event already written.
 *
 * <p>A row per page rather than per event: a page's events are appended with one insert and claimed
 * with one delete. The guarantee is the same, since a page's users and its events commit together
 * and the relay publishes a claimed row whole or not at all.
 */
@Repository
public class OutboxStore {

  /** Tells the relays listening on this schema's channel that events are waiting. */
  static final String NOTIFY = "select pg_notify('outbox_' || current_schema(), '')";

  private final JdbcTemplate jdbc;

  OutboxStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Writes the users' events as one outbox row, in the given order; call inside the transaction
   * that stores the users. Writes nothing for no users.
   *
   * @param users the users as stored, with their versions
   * @param events their Kafka values, in the same order
   */
  public void append(UUID runId, List<User> users, List<byte[]> events) {
    if (users.isEmpty()) {
      return;
    }
    // String[], long[] and byte[][] travel in PostgreSQL's binary array format (see UserStore)
    String[] userIds = users.stream().map(u -> u.id().toString()).toArray(String[]::new);
    long[] versions = users.stream().mapToLong(User::version).toArray();
    jdbc.update(
        "insert into outbox (run_id, user_ids, versions, payloads) values (?, ?::uuid[], ?, ?)",
        runId,
        userIds,
        versions,
        events.toArray(byte[][]::new));
    // delivered when the transaction commits, to the relays listening (OutboxWakeups)
    jdbc.execute(NOTIFY);
  }

  /**
   * Claims up to {@code limit} of the oldest rows by deleting them; the rows stay locked, and so
   * invisible to other relays ({@code SKIP LOCKED}), until the caller's transaction ends. A
   * rollback puts them back.
   *
   * @return the rows' events, in outbox order (by row, then as stored in the row)
   */
  List<OutboxEvent> claim(int limit) {
    // events come back one per result row (uuid, bigint and bytea columns) rather than as the
    // arrays, which pgjdbc would parse from their text form. The three arrays are unnested
    // together, each read once: a subscript (versions[n]) detoasted the whole compressed array for
    // every event, 15 µs an event with a page's equal versions, 190 with distinct ones
    // (docs/benchmarks.md, "Ingest: where a user's CPU goes, and the outbox's claim"). A row from
    // before V4 has no versions: unnest
    // pads the missing array with nulls.
    return jdbc.query(
        """
        with claimed as (
            delete from outbox where seq in (
                select seq from outbox order by seq limit ? for update skip locked)
            returning seq, run_id, user_ids, versions, payloads)
        select c.seq, c.run_id, e.user_id, e.version, e.payload
        from claimed c
        cross join lateral unnest(c.user_ids, c.versions, c.payloads) with ordinality
            as e(user_id, version, payload, n)
        order by c.seq, e.n
        """,
        (rs, i) ->
            new OutboxEvent(
                rs.getLong(1),
                rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class),
                rs.getObject(4, Long.class),
                rs.getBytes(5)),
        limit);
  }

  /** Adds acknowledged events to their runs' {@code published} counters. */
  void countPublished(List<OutboxEvent> events) {
    addToRuns("published", perRun(events));
  }

  /**
   * Keeps events Kafka refused for good in {@code outbox_parked}, with the reason, and adds them to
   * their runs' {@code parked} counters; call in the transaction that claimed them.
   */
  void park(List<ParkedEvent> parked) {
    jdbc.batchUpdate(
        "insert into outbox_parked (run_id, user_id, version, payload, reason) values (?, ?, ?, ?, ?)",
        parked,
        parked.size(),
        (ps, p) -> {
          ps.setObject(1, p.event().runId());
          ps.setObject(2, p.event().userId());
          ps.setObject(3, p.event().version());
          ps.setBytes(4, p.event().payload());
          ps.setString(5, p.reason());
        });
    addToRuns("parked", perRun(parked.stream().map(ParkedEvent::event).toList()));
  }

  /** Users of the run whose events were parked, in id order, at most {@code limit}. */
  public List<UUID> parkedUsers(UUID runId, int limit) {
    return jdbc.queryForList(
        "select distinct user_id from outbox_parked where run_id = ? order by user_id limit ?",
        UUID.class,
        runId,
        limit);
  }

  /** Events parked so far, all runs. */
  long parkedCount() {
    Long count = jdbc.queryForObject("select count(*) from outbox_parked", Long.class);
    return count == null ? 0 : count;
  }

  private void addToRuns(String counter, Map<UUID, Long> perRun) {
    jdbc.batchUpdate(
        "update ingestion_runs set "
            + counter
            + " = "
            + counter
            + " + ?, updated_at = now() where id = ?",
        List.copyOf(perRun.entrySet()),
        perRun.size(),
        (ps, entry) -> {
          ps.setLong(1, entry.getValue());
          ps.setObject(2, entry.getKey());
        });
  }

  /** Events waiting to be published. */
  long backlog() {
    Long count =
        jdbc.queryForObject(
            "select coalesce(sum(cardinality(user_ids)), 0) from outbox", Long.class);
    return count == null ? 0 : count;
  }

  /** Events per run, for the runs' counters. */
  static Map<UUID, Long> perRun(List<OutboxEvent> events) {
    return events.stream()
        .collect(Collectors.groupingBy(OutboxEvent::runId, Collectors.counting()));
  }
}
