package io.realtimestreaming.bench.app;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.realtimestreaming.devstack.cql.CqlSessions;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The names of everything one bench run creates, all under one prefix ({@code bench_<id>_}), so
 * that nothing of it meets the stack's own data or another run's, and all of it goes afterwards:
 * the PostgreSQL schemas, the Kafka topics, the Cassandra tables, the registry subjects, by prefix.
 *
 * @param id the run's id, e.g. {@code 20261201_031500}
 */
public record Scratch(String id, StackSettings settings) {

  private static final String KEYSPACE = "spark_streams";

  public String prefix() {
    return "bench_" + id + "_";
  }

  /** The bench's ingest-service instance's schema (its Flyway migrations create it). */
  public String schema() {
    return prefix() + "ingest";
  }

  /** A topic of one suite's, e.g. {@code topic("stream")}. */
  public String topic(String suite) {
    return prefix() + suite;
  }

  public String dlqTopic(String suite) {
    return prefix() + suite + "_dlq";
  }

  /** A Cassandra table of one suite's in spark_streams (its ledger is {@code <table>_ledger}). */
  public String table(String suite) {
    return prefix() + suite;
  }

  public String ledgerTable(String suite) {
    return table(suite) + "_ledger";
  }

  public String keyspace() {
    return KEYSPACE;
  }

  /** The run's folder: logs of the instances, checkpoints, recordings. */
  public Path dir() {
    return settings.home().resolve("bench").resolve(id);
  }

  /** Drops whatever the run created; each store on its own, so one failing leaves no other. */
  public void dropAll(PrintStream out) {
    List<String> failures = new ArrayList<>();
    try {
      dropSchemas();
    } catch (Exception e) {
      failures.add("PostgreSQL schemas: " + e.getMessage());
    }
    try {
      deleteTopics();
    } catch (Exception e) {
      failures.add("Kafka topics: " + e.getMessage());
    }
    try {
      dropTables();
    } catch (Exception e) {
      failures.add("Cassandra tables: " + e.getMessage());
    }
    try {
      deleteSubjects();
    } catch (Exception e) {
      failures.add("registry subjects: " + e.getMessage());
    }
    failures.forEach(f -> out.println("  could not clean up " + prefix() + "*: " + f));
  }

  private void dropSchemas() throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                settings.jdbcUrl(settings.postgresDatabase()),
                settings.postgresUser(),
                settings.postgresPassword());
        Statement s = c.createStatement()) {
      List<String> schemas = new ArrayList<>();
      try (var rs =
          s.executeQuery(
              "select nspname from pg_namespace where nspname like '" + prefix() + "%'")) {
        while (rs.next()) {
          schemas.add(rs.getString(1));
        }
      }
      for (String schema : schemas) {
        s.execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  private void deleteTopics() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers()))) {
      List<String> topics =
          admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
              .filter(t -> t.startsWith(prefix()))
              .toList();
      admin.deleteTopics(topics).all().get(60, TimeUnit.SECONDS);
    }
  }

  private void dropTables() {
    try (CqlSession session = CqlSessions.open(settings)) {
      List<String> tables =
          session
              .execute(
                  "SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?", KEYSPACE)
              .all()
              .stream()
              .map((Row r) -> r.getString(0))
              .filter(t -> t.startsWith(prefix()))
              .toList();
      for (String table : tables) {
        session.execute(
            SimpleStatement.newInstance("DROP TABLE IF EXISTS " + KEYSPACE + "." + table)
                .setTimeout(Duration.ofSeconds(60)));
      }
    }
  }

  /** Soft, then permanent deletion: the Confluent API the registry speaks wants both. */
  private void deleteSubjects() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = settings.registryUrl() + "/subjects";
    HttpResponse<String> list =
        http.send(
            HttpRequest.newBuilder(URI.create(base)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    for (JsonNode subject : new ObjectMapper().readTree(list.body())) {
      if (!subject.asText().startsWith(prefix())) {
        continue;
      }
      String url = base + "/" + URLEncoder.encode(subject.asText(), StandardCharsets.UTF_8);
      for (String suffix : List.of("", "?permanent=true")) {
        http.send(
            HttpRequest.newBuilder(URI.create(url + suffix))
                .DELETE()
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.discarding());
      }
    }
  }
}
