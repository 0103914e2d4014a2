package io.realtimestreaming.devstack.bench;

import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * PostgreSQL's own write rate for user rows, the ceiling the ingest service is compared with: a
 * scratch table shaped like the ingest service's {@code users} (see ingest-service's
 * db/migration/V1__users_runs_outbox.sql), written with JDBC batches of plain inserts and with
 * COPY, then dropped.
 */
final class RawPostgres implements AutoCloseable {

  static final int BATCH = 1000;

  // The users table of V1__users_runs_outbox.sql, index included: its upkeep is part of the cost.
  private static final String CREATE =
      """
      create table %1$s (
          id uuid primary key, first_name text not null, last_name text not null, gender text,
          address text, post_code text, email text not null, username text not null,
          dob timestamptz not null, registered_date timestamptz not null, phone text, picture text,
          nationality text, ingestion_run_id uuid not null, ingested_at timestamptz not null,
          raw jsonb not null);
      create index %1$s_run on %1$s (ingestion_run_id)
      """;
  private static final String COLUMNS =
      "id, first_name, last_name, gender, address, post_code, email, username, dob, registered_date,"
          + " phone, picture, nationality, ingestion_run_id, ingested_at, raw";

  private final Connection connection;
  private final String table;
  private final PrintStream out;

  RawPostgres(StackSettings settings, String table, PrintStream out) throws SQLException {
    this.connection =
        DriverManager.getConnection(
            settings.jdbcUrl(settings.postgresDatabase()) + "?reWriteBatchedInserts=true",
            settings.postgresUser(),
            settings.postgresPassword());
    this.table = table;
    this.out = out;
    try (Statement s = connection.createStatement()) {
      s.execute(CREATE.formatted(table));
    }
    connection.setAutoCommit(false);
  }

  /** The durability settings the figures depend on, e.g. "fsync=off, synchronous_commit=off". */
  String durability() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select current_setting('fsync'), current_setting('synchronous_commit')")) {
      rs.next();
      return "fsync=" + rs.getString(1) + ", synchronous_commit=" + rs.getString(2);
    }
  }

  /**
   * Into the emptied table, JDBC batches of {@value #BATCH} {@code INSERT ... ON CONFLICT DO
   * NOTHING}, a commit each.
   */
  Throughput batchedInsert(BenchUsers users, String label) throws SQLException {
    truncate();
    String sql =
        "insert into "
            + table
            + " ("
            + COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)"
            + " on conflict (id) do nothing";
    OffsetDateTime ingestedAt = OffsetDateTime.ofInstant(users.ingestedAt(), ZoneOffset.UTC);
    long start = System.nanoTime();
    try (ProgressTicker progress = new ProgressTicker(label, users.count(), out);
        PreparedStatement insert = connection.prepareStatement(sql)) {
      for (int i = 0; i < users.count(); i++) {
        UserRow u = users.row(i);
        int c = 1;
        insert.setObject(c++, users.id(i));
        for (String text :
            new String[] {
              u.firstName(),
              u.lastName(),
              u.gender(),
              u.address(),
              u.postCode(),
              u.email(),
              u.username()
            }) {
          insert.setString(c++, text);
        }
        insert.setObject(c++, OffsetDateTime.ofInstant(u.dob(), ZoneOffset.UTC));
        insert.setObject(c++, OffsetDateTime.ofInstant(u.registeredDate(), ZoneOffset.UTC));
        insert.setString(c++, u.phone());
        insert.setString(c++, u.picture());
        insert.setString(c++, u.nationality());
        insert.setObject(c++, users.runId());
        insert.setObject(c++, ingestedAt);
        insert.setString(c, u.rawJson());
        insert.addBatch();
        if ((i + 1) % BATCH == 0 || i == users.count() - 1) {
          insert.executeBatch();
          connection.commit();
          progress.done().set(i + 1);
        }
      }
    }
    return Throughput.of(label, users.count(), System.nanoTime() - start);
  }

  /** One {@code COPY ... FROM STDIN (FORMAT csv)} of every row into the emptied table. */
  Throughput copy(BenchUsers users, String label) throws SQLException, IOException {
    truncate();
    // every byte is encoded before the clock starts
    byte[][] ids = new byte[users.count()][];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = (users.id(i) + ",").getBytes(StandardCharsets.UTF_8);
    }
    byte[][] rest = users.pool().stream().map(u -> CsvLine.rest(u, users)).toArray(byte[][]::new);
    long start = System.nanoTime();
    try (ProgressTicker progress = new ProgressTicker(label, users.count(), out);
        PGCopyOutputStream copy =
            new PGCopyOutputStream(
                connection.unwrap(PGConnection.class),
                "copy " + table + " (" + COLUMNS + ") from stdin (format csv)",
                1 << 16)) {
      for (int i = 0; i < ids.length; i++) {
        copy.write(ids[i]);
        copy.write(rest[i % rest.length]);
        if (i % BATCH == 0) {
          progress.done().set(i);
        }
      }
      copy.endCopy();
      connection.commit();
    }
    return Throughput.of(label, users.count(), System.nanoTime() - start);
  }

  private void truncate() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("truncate " + table);
    }
    connection.commit();
  }

  @Override
  public void close() throws SQLException {
    try (Statement s = connection.createStatement()) {
      connection.rollback();
      s.execute("drop table if exists " + table);
      connection.commit();
    } finally {
      connection.close();
    }
  }
}
