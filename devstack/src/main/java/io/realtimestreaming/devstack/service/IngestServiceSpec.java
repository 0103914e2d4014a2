package io.realtimestreaming.devstack.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.realtimestreaming.devstack.stack.Health;
import io.realtimestreaming.devstack.stack.JavaCommand;
import io.realtimestreaming.devstack.stack.ModuleJar;
import io.realtimestreaming.devstack.stack.Processes;
import io.realtimestreaming.devstack.stack.Runtimes;
import io.realtimestreaming.devstack.stack.ServiceSpec;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ingest service (Spring Boot jar) against the stack's PostgreSQL, Kafka, registry and offline
 * randomuser source. Started only when named: {@code ./pipeline up ingest-service}. The jar is
 * built first when missing or stale. Settings travel as {@code --name=value} program arguments,
 * which Spring puts above application.yml; the rate budget is raised because the offline source has
 * no limit.
 */
final class IngestServiceSpec implements ServiceSpec {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String JAR = ModuleJar.INGEST_SERVICE;

  @Override
  public String name() {
    return "ingest-service";
  }

  @Override
  public String address(StackSettings s) {
    return baseUrl(s) + "/api/v1/ingestions";
  }

  @Override
  public boolean infrastructure() {
    return false;
  }

  @Override
  public List<String> dependsOn() {
    return List.of("kafka", "registry", "postgres", "randomuser");
  }

  @Override
  public List<String> prepare(StackSettings s, Runtimes runtimes) throws IOException {
    Path jar = ModuleJar.runnableCopy(s, name(), "ingest-service", JAR);
    return JavaCommand.forService(s, runtimes, name())
        // a fixed heap: grown from a small start, it took frequent young collections under load
        // (see docs/benchmarks.md)
        .jvm("-Xms" + s.heap(name()))
        .main(
            "-jar",
            jar.toString(),
            "--server.port=" + s.port(name()),
            "--server.address=" + s.host(),
            "--spring.datasource.url=" + s.jdbcUrl(s.postgresDatabase()),
            "--spring.datasource.username=" + s.postgresUser(),
            "--spring.kafka.bootstrap-servers=" + s.kafkaBootstrapServers(),
            "--ingest.ledger.contact-points=" + s.host() + ":" + s.port("cassandra"),
            "--ingest.outbox.schema-registry-url=" + s.registryUrl(),
            "--ingest.randomuser.base-url=http://"
                + s.host()
                + ":"
                + s.port("randomuser")
                + "/api/1.4/",
            "--ingest.randomuser.rate-budget.users=10000000",
            "--ingest.randomuser.rate-budget.period=1s");
  }

  /** Secrets travel in the environment, not on the command line that ps shows. */
  @Override
  public Map<String, String> environment(StackSettings s) {
    return Map.of(
        "SPRING_DATASOURCE_PASSWORD", s.postgresPassword(), "INGEST_API_KEY", s.ingestApiKey());
  }

  /** Ready when actuator health says UP: database, Kafka and disk all answer. */
  @Override
  public boolean isReady(StackSettings s) {
    return HttpProbe.answers200(baseUrl(s) + "/actuator/health");
  }

  /**
   * From the service's own health: {@code DEGRADED} when its outbox relay has not advanced (with
   * the backlog and the relay's last failure), failing when a component it needs is down.
   */
  @Override
  public Health health(StackSettings s, long pid) {
    Optional<JsonNode> health = HttpProbe.body(healthUrl(s)).flatMap(IngestServiceSpec::json);
    if (health.isEmpty()) {
      return Processes.uptime(pid).compareTo(startTimeout()) < 0
          ? Health.starting("its health endpoint does not answer yet")
          : new Health(Health.Condition.FAILING, "its health endpoint does not answer within 5 s");
    }
    String status = health.get().path("status").asText();
    JsonNode components = health.get().path("components");
    return switch (status) {
      case "UP" -> Health.ready();
      case "DEGRADED" -> {
        JsonNode outbox = components.path("outbox").path("details");
        yield new Health(
            Health.Condition.DEGRADED,
            "outbox relay not advancing for "
                + outbox.path("lastAdvanceSecondsAgo").asText("?")
                + " s, "
                + outbox.path("backlog").asText("?")
                + " events waiting"
                + (outbox.hasNonNull("lastFailure")
                    ? ": " + outbox.path("lastFailure").asText()
                    : ""));
      }
      default -> {
        List<String> down = new ArrayList<>();
        components
            .properties()
            .forEach(
                c -> {
                  if (!"UP".equals(c.getValue().path("status").asText())) {
                    down.add(c.getKey());
                  }
                });
        yield new Health(Health.Condition.FAILING, "health " + status + ": " + down);
      }
    };
  }

  private static Optional<JsonNode> json(String body) {
    try {
      return Optional.of(JSON.readTree(body));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String healthUrl(StackSettings s) {
    return "http://" + s.host() + ":" + s.port("ingest-service") + "/actuator/health";
  }

  @Override
  public Duration startTimeout() {
    return Duration.ofSeconds(180);
  }

  private String baseUrl(StackSettings s) {
    return "http://" + s.host() + ":" + s.port(name());
  }
}
