package io.realtimestreaming.devstack.service;

import io.realtimestreaming.devstack.stack.JavaCommand;
import io.realtimestreaming.devstack.stack.ModuleJar;
import io.realtimestreaming.devstack.stack.Runtimes;
import io.realtimestreaming.devstack.stack.ServiceSpec;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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

  static final String JAR = "ingest-service/target/ingest-service-0.1.0-SNAPSHOT.jar";

  /** The port of the service's actuator, in dev-defaults.properties. */
  static final String MANAGEMENT = "ingest-service-management";

  @Override
  public String name() {
    return "ingest-service";
  }

  @Override
  public String address(StackSettings s) {
    return baseUrl(s) + "/api/v1/ingestions";
  }

  /** The API port, then the actuator's. */
  @Override
  public List<Integer> ports(StackSettings s) {
    return List.of(s.port(name()), s.port(MANAGEMENT));
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
        // (IngestBenchmark 18-19k -> 21-22k users/s with -Xms equal to -Xmx)
        .jvm("-Xms" + s.heap(name()))
        .main(
            "-jar",
            jar.toString(),
            "--spring.profiles.active=dev",
            "--server.port=" + s.port(name()),
            "--server.address=" + s.host(),
            "--management.server.port=" + s.port(MANAGEMENT),
            "--management.server.address=" + s.host(),
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
    return HttpProbe.answers200(s.ingestManagementUrl() + "/actuator/health");
  }

  @Override
  public Duration startTimeout() {
    return Duration.ofSeconds(180);
  }

  private String baseUrl(StackSettings s) {
    return "http://" + s.host() + ":" + s.port(name());
  }
}
