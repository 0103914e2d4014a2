package io.realtimestreaming.devstack.service;

import io.realtimestreaming.devstack.postgres.PostgresServer;
import io.realtimestreaming.devstack.stack.Health;
import io.realtimestreaming.devstack.stack.JavaCommand;
import io.realtimestreaming.devstack.stack.Processes;
import io.realtimestreaming.devstack.stack.Runtimes;
import io.realtimestreaming.devstack.stack.ServiceSpec;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL 17 (zonky embedded binaries) in a JVM of its own, with the ingest service's role and
 * database, and the schema registry's database, created once ready.
 */
final class PostgresSpec implements ServiceSpec {

  @Override
  public String role() {
    return "database";
  }

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public String address(StackSettings s) {
    return s.jdbcUrl(s.postgresDatabase()).replace("jdbc:", "");
  }

  @Override
  public List<String> prepare(StackSettings s, Runtimes runtimes) throws IOException {
    return JavaCommand.forService(s, runtimes, name())
        .classpath(runtimes.devstackJar(name()))
        .main(
            "io.realtimestreaming.devstack.postgres.PostgresServer",
            "--host",
            s.host(),
            "--port",
            Integer.toString(s.port(name())),
            "--data",
            pgdata(s).toString(),
            "--binaries",
            s.runtimesDir().resolve("postgres").toString());
  }

  /** Ready when the superuser can run {@code select 1}. */
  @Override
  public boolean isReady(StackSettings s) {
    try (Connection c = superuser(s);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select 1")) {
      return rs.next();
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Down when the server (postmaster) under the running wrapper JVM has died: a SIGKILL of the
   * server leaves the wrapper alive, and without this the stack would call it "not ready" forever.
   */
  @Override
  public Health health(StackSettings s, long pid) {
    if (isReady(s)) {
      return Health.ready();
    }
    Path postmasterPid = pgdata(s).resolve("postmaster.pid");
    Optional<Long> server = serverPid(postmasterPid);
    if (server.isPresent() && Processes.isAlive(server.get())) {
      return Health.starting("its server (PID " + server.get() + ") does not answer yet");
    }
    if (!Files.exists(PostgresServer.startedMarker(pgdata(s)))) {
      return Health.starting("initializing");
    }
    return new Health(Health.Condition.DOWN, "its server died under the wrapper (PID " + pid + ")");
  }

  private static Optional<Long> serverPid(Path postmasterPid) {
    try {
      String first = Files.readAllLines(postmasterPid).get(0).strip();
      return Optional.of(Long.parseLong(first));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Path pgdata(StackSettings s) {
    return s.dataDir("postgres").resolve("pgdata");
  }

  /**
   * The stack's role (the password comes from PIPELINE_POSTGRES_PASSWORD) and the databases it
   * owns: the ingest service's and the schema registry's.
   */
  @Override
  public void afterReady(StackSettings s) throws SQLException {
    try (Connection c = superuser(s)) {
      if (!exists(c, "select 1 from pg_roles where rolname = ?", s.postgresUser())) {
        try (Statement st = c.createStatement()) {
          st.execute(
              "create role "
                  + quoteIdentifier(s.postgresUser())
                  + " login password "
                  + quoteLiteral(s.postgresPassword()));
        }
      }
      for (String database : List.of(s.postgresDatabase(), RegistrySpec.DATABASE)) {
        if (!exists(c, "select 1 from pg_database where datname = ?", database)) {
          try (Statement st = c.createStatement()) {
            st.execute(
                "create database "
                    + quoteIdentifier(database)
                    + " owner "
                    + quoteIdentifier(s.postgresUser()));
          }
        }
      }
    }
  }

  private static Connection superuser(StackSettings s) throws SQLException {
    return DriverManager.getConnection(s.jdbcUrl("postgres") + "?connectTimeout=2", "postgres", "");
  }

  private static boolean exists(Connection c, String sql, String value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static String quoteIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String quoteLiteral(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
