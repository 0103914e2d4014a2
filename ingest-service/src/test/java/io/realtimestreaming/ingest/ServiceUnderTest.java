package io.realtimestreaming.ingest;

import io.realtimestreaming.model.ingest.IngestClient;
import io.realtimestreaming.testing.ServiceEndpoints;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Settings that point the service at the real test services, isolated from everyone else who shares
 * them: its own PostgreSQL schema (created by Flyway), its own topic and subject, random ports for
 * the API and the actuator. The service runs in the profile dev (a Spring test class says so with
 * {@code @ActiveProfiles(ServiceUnderTest.PROFILE)}), which accepts the tests' development key.
 */
public final class ServiceUnderTest {

  public static final String PROFILE = "dev";
  public static final String API_KEY = "it-key";

  private ServiceUnderTest() {}

  /** The ingest API's client for the service listening on {@code port}, with the tests' key. */
  public static IngestClient client(int port) {
    return new IngestClient("http://127.0.0.1:" + port, API_KEY);
  }

  /** A name no other test run uses: lower case, digits and '_', valid as schema and topic. */
  public static String freshName(String prefix) {
    return prefix
        + "_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
  }

  /**
   * The service's properties, each read from {@code endpoints} only when asked for: a
   * {@code @DynamicPropertySource} registers them before the endpoints are known.
   */
  public static Map<String, Supplier<Object>> properties(
      Supplier<ServiceEndpoints> endpoints,
      String schema,
      String topic,
      Supplier<String> upstream) {
    Map<String, Supplier<Object>> p = new LinkedHashMap<>();
    p.put("server.port", () -> "0");
    p.put("management.server.port", () -> "0");
    p.put("spring.datasource.url", () -> jdbcUrl(endpoints.get(), schema));
    p.put("spring.datasource.username", () -> endpoints.get().jdbcUsername());
    p.put("spring.datasource.password", () -> endpoints.get().jdbcPassword());
    p.put("spring.flyway.schemas", () -> schema);
    p.put("spring.kafka.bootstrap-servers", () -> endpoints.get().kafkaBootstrapServers());
    p.put("ingest.api.key", () -> API_KEY);
    p.put("ingest.outbox.topic", () -> topic);
    p.put("ingest.outbox.schema-registry-url", () -> endpoints.get().schemaRegistryUrl());
    p.put("ingest.randomuser.base-url", upstream::get);
    p.put("ingest.randomuser.rate-budget.users", () -> "10000000");
    return p;
  }

  /** The same properties, resolved now: for a context started by hand. */
  public static Map<String, Object> resolved(Map<String, Supplier<Object>> properties) {
    Map<String, Object> values = new LinkedHashMap<>();
    properties.forEach((name, value) -> values.put(name, value.get()));
    return values;
  }

  /**
   * Starts the service in this JVM with these properties, for tests that need more than one of its
   * lifetimes (Spring's test support keeps one context per configuration), in the profile dev. They
   * go in as command-line arguments: builder properties are defaults, below application.yml.
   */
  public static ConfigurableApplicationContext start(Map<String, Object> properties) {
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(IngestServiceApplication.class).profiles(PROFILE).run(args);
  }

  public static int port(ConfigurableApplicationContext service) {
    return Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port"));
  }

  /** JDBC on the test's schema, a connection per call: for looking at what the service wrote. */
  public static JdbcTemplate jdbc(ServiceEndpoints endpoints, String schema) {
    return new JdbcTemplate(
        new DriverManagerDataSource(
            jdbcUrl(endpoints, schema), endpoints.jdbcUsername(), endpoints.jdbcPassword()));
  }

  public static String jdbcUrl(ServiceEndpoints endpoints, String schema) {
    String url = endpoints.jdbcUrl();
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** Drops the test's schema and topic; what a test leaves behind is only noise for others. */
  public static void cleanUp(ServiceEndpoints endpoints, String schema, String topic) {
    dropSchema(endpoints, schema);
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers()))) {
      admin.deleteTopics(List.of(topic)).all().get();
    } catch (Exception e) {
      throw new IllegalStateException("could not delete test topic " + topic, e);
    }
  }

  public static void dropSchema(ServiceEndpoints endpoints, String schema) {
    try (Connection c =
            DriverManager.getConnection(
                endpoints.jdbcUrl(), endpoints.jdbcUsername(), endpoints.jdbcPassword());
        Statement st = c.createStatement()) {
      st.execute("drop schema if exists " + schema + " cascade");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop test schema " + schema, e);
    }
  }
}
