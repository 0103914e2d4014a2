package io.realtimestreaming.e2e;

import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.QueryExecutionException;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A run's users as PostgreSQL committed them and as Cassandra holds them, field by field, read by
 * key: the run's users from PostgreSQL, their rows from Cassandra by id, and what the stream job
 * recorded for the run in its ledger. No query scans the users table.
 */
final class RunComparison {

  // a few partitions per read: under load, a coordinator timed out reading 100 at LOCAL_QUORUM
  private static final int IDS_PER_QUERY = 20;
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(1);

  private final StackSettings settings;
  private final CqlSession cassandra;

  /**
   * The columns both stores have, read from their real schemas (the Flyway migrations,
   * cassandra/schema.cql): Cassandra adds processed_at, PostgreSQL the raw record and its own
   * bookkeeping.
   */
  private final List<String> columns;

  private final com.datastax.oss.driver.api.core.cql.PreparedStatement rowsById;
  private final com.datastax.oss.driver.api.core.cql.PreparedStatement ledgerUsers;

  RunComparison(StackSettings settings, CqlSession cassandra) throws SQLException {
    this.settings = settings;
    this.cassandra = cassandra;
    this.columns = sharedColumns(settings, cassandra);
    this.rowsById =
        cassandra.prepare(
            "SELECT id, "
                + String.join(", ", columns)
                + " FROM spark_streams.created_users WHERE id IN ?");
    this.ledgerUsers =
        cassandra.prepare(
            "SELECT user_ids FROM spark_streams.run_outcomes"
                + " WHERE ingestion_run_id = ? AND outcome = ?");
  }

  private static List<String> sharedColumns(StackSettings settings, CqlSession cassandra)
      throws SQLException {
    Set<String> inCassandra = new HashSet<>();
    cassandra
        .getMetadata()
        .getKeyspace("spark_streams")
        .flatMap(k -> k.getTable("created_users"))
        .orElseThrow(() -> new IllegalStateException("no table spark_streams.created_users"))
        .getColumns()
        .keySet()
        .forEach(c -> inCassandra.add(c.asInternal()));
    List<String> shared = new ArrayList<>();
    try (Connection c = connection(settings);
        PreparedStatement ps =
            c.prepareStatement(
                "select column_name from information_schema.columns"
                    + " where table_schema = current_schema() and table_name = 'users'"
                    + " order by ordinal_position");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String column = rs.getString(1);
        if (!column.equals("id") && inCassandra.contains(column)) {
          shared.add(column);
        }
      }
    }
    if (!shared.containsAll(List.of("email", "version", "ingestion_run_id"))) {
      throw new IllegalStateException("the stores share only " + shared + ": a schema is missing");
    }
    return List.copyOf(shared);
  }

  private static Connection connection(StackSettings settings) throws SQLException {
    return DriverManager.getConnection(
        settings.jdbcUrl(settings.postgresDatabase()),
        settings.postgresUser(),
        settings.postgresPassword());
  }

  /** The users whose latest ingestion is the run, as PostgreSQL holds them. */
  Map<UUID, Map<String, Object>> committed(UUID runId) throws SQLException {
    Map<UUID, Map<String, Object>> users = new HashMap<>();
    try (Connection c = connection(settings);
        PreparedStatement ps =
            c.prepareStatement(
                "select id, "
                    + String.join(", ", columns)
                    + " from users where ingestion_run_id = ?")) {
      ps.setObject(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> row = new HashMap<>();
          for (String column : columns) {
            Object value = rs.getObject(column);
            row.put(column, normalize(value instanceof Timestamp t ? t.toInstant() : value));
          }
          users.put((UUID) rs.getObject("id"), row);
        }
      }
    }
    return users;
  }

  /** Cassandra's rows of these users, by id; a list, so that a repeated row would show. */
  List<Map.Entry<UUID, Map<String, Object>>> rows(Set<UUID> ids) {
    List<UUID> all = new ArrayList<>(ids);
    List<Map.Entry<UUID, Map<String, Object>>> rows = new ArrayList<>();
    for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
      List<UUID> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
      for (Row r : read(rowsById.bind(chunk))) {
        Map<String, Object> row = new HashMap<>();
        for (String column : columns) {
          row.put(column, normalize(r.getObject(column)));
        }
        rows.add(Map.entry(r.getUuid("id"), row));
      }
    }
    return rows;
  }

  /** The users the stream job recorded as landed for the run (any version). */
  Set<UUID> landed(UUID runId) {
    return ledger(runId, "landed");
  }

  /** The users the stream job recorded as dead-lettered for the run. */
  Set<UUID> deadLettered(UUID runId) {
    return ledger(runId, "dead_lettered");
  }

  private Set<UUID> ledger(UUID runId, String outcome) {
    Set<UUID> users = new HashSet<>();
    read(ledgerUsers.bind(runId, outcome))
        .forEach(pack -> users.addAll(pack.getList(0, UUID.class)));
    return users;
  }

  /**
   * A read, again after a timeout or an unavailable replica: on a ring that has just lost a node
   * and is catching up, a coordinator can time out a read its replicas answer a moment later (CI,
   * 2026-12-03: LOCAL_QUORUM, 0 replicas in time). The driver's default policy retries a read
   * timeout only when enough replicas answered. The rows are compared all the same.
   */
  private List<Row> read(BoundStatement statement) {
    return await()
        .atMost(READ_TIMEOUT)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptionsMatching(
            e ->
                e instanceof QueryExecutionException
                    || e instanceof DriverTimeoutException
                    || e instanceof AllNodesFailedException)
        .until(() -> cassandra.execute(statement).all(), rows -> true);
  }

  /**
   * PostgreSQL keeps microseconds, Avro and Cassandra milliseconds: compare at millisecond
   * precision.
   */
  private static Object normalize(Object value) {
    if (value instanceof Instant i) {
      return Instant.ofEpochMilli(i.toEpochMilli());
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return Instant.ofEpochMilli(o.toInstant().toEpochMilli());
    }
    return value;
  }
}
