package io.realtimestreaming.devstack.service;

import io.realtimestreaming.devstack.stack.JavaCommand;
import io.realtimestreaming.devstack.stack.Runtimes;
import io.realtimestreaming.devstack.stack.ServiceSpec;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * PostgreSQL 17 (zonky embedded binaries) in a JVM of its own, with the ingest service's role and
 * database, and the schema registry's database, created once ready.
 */
final class PostgresSpec implements ServiceSpec {

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public String address(StackSettings s) {
    return s.jdbcUrl(s.postgresDatabase()).replace("jdbc:", "");
  }

  @Override
  public List<String> prepare(StackSettings s, Runtimes runtimes) {
    return JavaCommand.forService(s, runtimes, name())
        .classpath(runtimes.devstackJar())
        .main(
            "io.realtimestreaming.devstack.postgres.PostgresServer",
            "--host",
            s.host(),
            "--port",
            Integer.toString(s.port(name())),
            "--data",
            s.dataDir(name()).resolve("pgdata").toString(),
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
