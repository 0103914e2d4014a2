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
import io.realtimestreaming.devstack.stack.Topology;
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
 * no limit. It runs in the profile {@code dev}, which accepts the development API key of
 * dev-defaults.properties; the API listens on port {@code ingest-service} and the actuator (health,
 * info, Prometheus) on port {@code ingest-service-management}, both on the stack's host.
 */
final class IngestServiceSpec implements ServiceSpec {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String JAR = ModuleJar.INGEST_SERVICE;

  private final String name;
  private final Topology topology;

  /**
   * @param name {@code ingest-service}, or {@code ingest-service-1} and {@code -2} of the cluster
   *     topology: instances on the same database and outbox, each its own instance id and port
   */
  IngestServiceSpec(String name, Topology topology) {
    this.name = name;
    this.topology = topology;
  }

  @Override
  public String role() {
    int instances = topology.ingestInstances().size();
    return instances == 1
        ? "API, outbox relay"
        : "instance " + (topology.ingestInstances().indexOf(name) + 1) + "/" + instances;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String address(StackSettings s) {
    return baseUrl(s) + "/api/v1/ingestions";
  }

  /** The API port, then the actuator's. */
  @Override
  public List<Integer> ports(StackSettings s) {
    return List.of(s.port(name()), s.port(managementPort()));
  }

  @Override
  public boolean infrastructure() {
    return false;
  }

  @Override
  public List<String> dependsOn() {
    List<String> needs = new ArrayList<>(topology.kafkaBrokers());
    needs.addAll(List.of("registry", "postgres", "randomuser"));
    return needs;
  }

  @Override
  public List<String> prepare(StackSettings s, Runtimes runtimes) throws IOException {
    Path jar = ModuleJar.runnableCopy(s, name(), "ingest-service", JAR);
    List<String> args =
        new ArrayList<>(
            List.of(
                "-jar",
                jar.toString(),
                "--spring.profiles.active=dev",
                "--server.port=" + s.port(name()),
                "--server.address=" + s.host(),
                "--management.server.port=" + s.port(managementPort()),
                "--management.server.address=" + s.host(),
                "--spring.datasource.url=" + s.jdbcUrl(s.postgresDatabase()),
                "--spring.datasource.username=" + s.postgresUser(),
                "--spring.kafka.bootstrap-servers=" + s.kafkaBootstrapServers(),
                "--ingest.ledger.contact-points=" + String.join(",", s.cassandraContactPoints()),
                "--ingest.outbox.schema-registry-url=" + s.registryUrl(),
                "--ingest.randomuser.base-url=http://"
                    + s.host()
                    + ":"
                    + s.port("randomuser")
                    + "/api/1.4/",
                "--ingest.randomuser.rate-budget.users=10000000",
                "--ingest.randomuser.rate-budget.period=1s"));
    if (topology == Topology.CLUSTER) {
      args.addAll(
          List.of(
              "--ingest.runs.instance-id=" + name,
              // a dead instance's runs are ended by the other within a minute, not ten
              "--ingest.runs.stall-timeout=60s",
              "--ingest.runs.reaper-interval=10s"));
    }
    return JavaCommand.forService(s, runtimes, name())
        // a fixed heap: one that grows from a small start collects its young generation often
        // under load
        .jvm("-Xms" + s.heap(name()))
        .main(args.toArray(String[]::new));
  }

  /**
   * Secrets travel in the environment, not on the command line that ps shows; both are given
   * explicitly, never left to the profile's fallbacks.
   */
  @Override
  public Map<String, String> environment(StackSettings s) {
    return Map.of(
        "SPRING_DATASOURCE_PASSWORD", s.postgresPassword(), "INGEST_API_KEY", s.ingestApiKey());
  }

  /** Ready when actuator health (on the management port) says UP: database, Kafka, disk. */
  @Override
  public boolean isReady(StackSettings s) {
    return HttpProbe.answers200(healthUrl(s));
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

  private String healthUrl(StackSettings s) {
    return s.ingestManagementUrl(name) + "/actuator/health";
  }

  /** The port of the instance's actuator, in dev-defaults.properties. */
  private String managementPort() {
    return name + "-management";
  }

  @Override
  public Duration startTimeout() {
    return Duration.ofSeconds(180);
  }

  private String baseUrl(StackSettings s) {
    return "http://" + s.host() + ":" + s.port(name());
  }
}
