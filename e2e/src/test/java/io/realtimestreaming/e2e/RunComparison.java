package io.realtimestreaming.e2e;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A run's users as PostgreSQL committed them and as Cassandra holds them, field by field. */
final class RunComparison {

  /** The columns both stores have; Cassandra adds processed_at, PostgreSQL the raw record. */
  static final List<String> COLUMNS =
      List.of(
          "first_name",
          "last_name",
          "gender",
          "address",
          "post_code",
          "email",
          "username",
          "dob",
          "registered_date",
          "phone",
          "picture",
          "nationality",
          "ingestion_run_id",
          "ingested_at");

  private final StackSettings settings;
  private final CqlSession cassandra;

  RunComparison(StackSettings settings, CqlSession cassandra) {
    this.settings = settings;
    this.cassandra = cassandra;
  }

  Map<UUID, Map<String, Object>> committed(UUID runId) throws SQLException {
    Map<UUID, Map<String, Object>> users = new HashMap<>();
    try (Connection c =
            DriverManager.getConnection(
                settings.jdbcUrl(settings.postgresDatabase()),
                settings.postgresUser(),
                settings.postgresPassword());
        PreparedStatement ps =
            c.prepareStatement(
                "select id, "
                    + String.join(", ", COLUMNS)
                    + " from users where ingestion_run_id = ?")) {
      ps.setObject(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> row = new HashMap<>();
          for (String column : COLUMNS) {
            Object value = rs.getObject(column);
            row.put(column, normalize(value instanceof Timestamp t ? t.toInstant() : value));
          }
          users.put((UUID) rs.getObject("id"), row);
        }
      }
    }
    return users;
  }

  /**
   * Cassandra rows of the run; a list, so that a duplicate row would show (it can't: id is the
   * key).
   */
  List<Map.Entry<UUID, Map<String, Object>>> landed(UUID runId) {
    List<Map.Entry<UUID, Map<String, Object>>> rows = new ArrayList<>();
    for (Row r :
        cassandra.execute(
            cassandra
                .prepare(
                    "SELECT id, "
                        + String.join(", ", COLUMNS)
                        + " FROM spark_streams.created_users WHERE ingestion_run_id = ? ALLOW FILTERING")
                .bind(runId))) {
      Map<String, Object> row = new HashMap<>();
      for (String column : COLUMNS) {
        row.put(column, normalize(r.getObject(column)));
      }
      rows.add(Map.entry(r.getUuid("id"), row));
    }
    return rows;
  }

  long landedCount(UUID runId) {
    return cassandra
        .execute(
            cassandra
                .prepare(
                    "SELECT count(*) FROM spark_streams.created_users WHERE ingestion_run_id = ? ALLOW FILTERING")
                .bind(runId))
        .one()
        .getLong(0);
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
