package io.realtimestreaming.devstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.testing.RealServices;
import io.realtimestreaming.testing.ServiceEndpoints;
import io.realtimestreaming.testing.ServiceKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@RealServices(ServiceKind.POSTGRES)
class PostgresIT {

  @Test
  void theIngestRoleCanCreateInsertAndSelect(ServiceEndpoints endpoints) throws Exception {
    String table = "devstack_it_" + UUID.randomUUID().toString().replace("-", "");
    UUID id = UUID.randomUUID();
    try (Connection c =
            DriverManager.getConnection(
                endpoints.jdbcUrl(), endpoints.jdbcUsername(), endpoints.jdbcPassword());
        Statement st = c.createStatement()) {
      st.execute("create table " + table + " (id uuid primary key, name text, raw jsonb)");
      try (PreparedStatement insert =
          c.prepareStatement("insert into " + table + " values (?, ?, ?::jsonb)")) {
        insert.setObject(1, id);
        insert.setString(2, "Мирослава");
        insert.setString(3, "{\"nat\":\"UA\"}");
        assertThat(insert.executeUpdate()).isEqualTo(1);
      }
      try (ResultSet rs =
          st.executeQuery("select id, name, raw->>'nat', version() from " + table)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject(1)).isEqualTo(id);
        assertThat(rs.getString(2)).isEqualTo("Мирослава");
        assertThat(rs.getString(3)).isEqualTo("UA");
        assertThat(rs.getString(4)).startsWith("PostgreSQL 17");
      } finally {
        st.execute("drop table " + table);
      }
    }
  }
}
