package io.realtimestreaming.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.realtimestreaming.testing.RealServices;
import io.realtimestreaming.testing.ServiceEndpoints;
import io.realtimestreaming.testing.ServiceKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service's DataSource, as application.yml configures it, against the real PostgreSQL: every
 * connection carries the statement and lock timeouts (also under a URL of the test's own, as an
 * overridden SPRING_DATASOURCE_URL), and a statement or a lock wait over them fails within about
 * the timeout instead of hanging. Only the DataSource is started: the rest of the service plays no
 * part in this.
 */
@RealServices(ServiceKind.POSTGRES)
class DatabaseTimeoutsIT {

  private ServiceEndpoints endpoints;

  @BeforeEach
  void services(ServiceEndpoints services) {
    endpoints = services;
  }

  @Test
  void everyConnectionHasTheTimeoutsOfApplicationYml() {
    try (ConfigurableApplicationContext context = dataSource()) {
      JdbcTemplate jdbc = new JdbcTemplate(context.getBean(HikariDataSource.class));

      assertThat(jdbc.queryForObject("show statement_timeout", String.class)).isEqualTo("30s");
      assertThat(jdbc.queryForObject("show lock_timeout", String.class)).isEqualTo("10s");
      HikariDataSource pool = context.getBean(HikariDataSource.class);
      assertThat(pool.getConnectionTimeout()).isEqualTo(Duration.ofSeconds(10).toMillis());
      assertThat(pool.getDataSourceProperties())
          .containsEntry("socketTimeout", "60")
          .containsEntry("connectTimeout", "10");
    }
  }

  @Test
  void aStatementOverTheTimeoutFailsInsteadOfRunningOn() {
    try (ConfigurableApplicationContext context =
        dataSource(
            "--spring.datasource.hikari.data-source-properties.options="
                + "-c statement_timeout=1s -c lock_timeout=1s")) {
      JdbcTemplate jdbc = new JdbcTemplate(context.getBean(HikariDataSource.class));
      long started = System.nanoTime();

      assertThatThrownBy(() -> jdbc.execute("select pg_sleep(60)"))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("canceling statement due to statement timeout");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  void aLockWaitOverTheTimeoutFailsInsteadOfWaitingOn() throws Exception {
    String table = ServiceUnderTest.freshName("lock_it");
    try (Connection holder =
            DriverManager.getConnection(
                endpoints.jdbcUrl(), endpoints.jdbcUsername(), endpoints.jdbcPassword());
        Statement st = holder.createStatement();
        ConfigurableApplicationContext context =
            dataSource(
                "--spring.datasource.hikari.data-source-properties.options="
                    + "-c statement_timeout=30s -c lock_timeout=1s")) {
      st.execute("create table " + table + " (id int primary key)");
      st.execute("insert into " + table + " values (1)");
      holder.setAutoCommit(false);
      st.execute("update " + table + " set id = 1 where id = 1"); // holds the row lock
      JdbcTemplate jdbc = new JdbcTemplate(context.getBean(HikariDataSource.class));
      long started = System.nanoTime();

      assertThatThrownBy(() -> jdbc.update("update " + table + " set id = 1 where id = 1"))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("canceling statement due to lock timeout");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      holder.rollback();
      holder.setAutoCommit(true);
    } finally {
      try (Connection c =
              DriverManager.getConnection(
                  endpoints.jdbcUrl(), endpoints.jdbcUsername(), endpoints.jdbcPassword());
          Statement st = c.createStatement()) {
        st.execute("drop table if exists " + table);
      }
    }
  }

  @Test
  void theDriverGivesUpOnASilentServerAfterItsSocketTimeout() {
    try (ConfigurableApplicationContext context =
        dataSource(
            "--spring.datasource.hikari.data-source-properties.options=-c statement_timeout=0",
            "--spring.datasource.hikari.data-source-properties.socketTimeout=1")) {
      JdbcTemplate jdbc = new JdbcTemplate(context.getBean(HikariDataSource.class));
      long started = System.nanoTime();

      assertThatThrownBy(() -> jdbc.execute("select pg_sleep(15)"))
          .isInstanceOf(DataAccessException.class)
          .hasStackTraceContaining("Read timed out");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
  }

  /** The service's DataSource alone, from application.yml, on a URL with parameters of its own. */
  private ConfigurableApplicationContext dataSource(String... overrides) {
    List<String> args = new ArrayList<>();
    args.add(
        "--spring.datasource.url="
            + ServiceUnderTest.jdbcUrl(endpoints, "public")
            + "&ApplicationName=timeouts-it");
    args.add("--spring.datasource.username=" + endpoints.jdbcUsername());
    args.add("--spring.datasource.password=" + endpoints.jdbcPassword());
    args.addAll(List.of(overrides));
    return new SpringApplicationBuilder(DataSourceOnly.class)
        .web(WebApplicationType.NONE)
        .run(args.toArray(String[]::new));
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
  static class DataSourceOnly {}
}
