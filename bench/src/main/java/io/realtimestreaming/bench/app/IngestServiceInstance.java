package io.realtimestreaming.bench.app;

import io.realtimestreaming.devstack.stack.ModuleJar;
import io.realtimestreaming.devstack.stack.Runtimes;
import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.model.ingest.IngestClient;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An ingest service of the bench's own: the built runnable jar, run as the devstack runs it (its
 * heap, fixed), on a port of its own, against the stack's PostgreSQL, Kafka, registry and
 * randomuser source, but with its own schema (its Flyway migrations create it), topic, ledger table
 * and instance id, and the rate budget lifted. The stack's own ingest service, if one runs, is left
 * alone.
 */
public final class IngestServiceInstance implements AutoCloseable {

  private final AppProcess process;
  private final IngestClient api;

  private IngestServiceInstance(AppProcess process, IngestClient api) {
    this.process = process;
    this.api = api;
  }

  /**
   * @param suite names the topic and ledger table it uses ({@link Scratch#topic})
   * @param overrides {@code name=value} settings on top of the bench's, e.g. {@code
   *     spring.kafka.producer.properties.linger.ms=0}
   */
  public static IngestServiceInstance start(
      StackSettings s,
      Scratch scratch,
      String suite,
      int port,
      List<String> overrides,
      PrintStream out)
      throws IOException, InterruptedException {
    Path built = ModuleJar.ensureBuilt(s, "ingest-service", ModuleJar.INGEST_SERVICE);
    Path jar = scratch.dir().resolve("ingest-service.jar");
    Files.createDirectories(jar.getParent());
    if (!Files.exists(jar)) {
      Files.copy(built, jar, StandardCopyOption.REPLACE_EXISTING);
    }
    String heap = s.heap("ingest-service");
    List<String> command =
        new ArrayList<>(
            List.of(
                new Runtimes(s).java(),
                "-Dpipeline.service=bench-ingest-service",
                "-Dpipeline.home=" + s.home(),
                "-Xms" + heap,
                "-Xmx" + heap,
                "-XX:+ExitOnOutOfMemoryError",
                "-jar",
                jar.toString(),
                // as the devstack runs it: the profile that accepts the development API key
                "--spring.profiles.active=dev",
                "--server.port=" + port,
                "--server.address=" + s.host(),
                "--management.server.port=" + managementPort(port),
                "--management.server.address=" + s.host(),
                "--spring.datasource.url="
                    + s.jdbcUrl(s.postgresDatabase())
                    + "?currentSchema="
                    + scratch.schema(),
                "--spring.datasource.username=" + s.postgresUser(),
                "--spring.flyway.schemas=" + scratch.schema(),
                "--spring.kafka.bootstrap-servers=" + s.kafkaBootstrapServers(),
                "--ingest.outbox.topic=" + scratch.topic(suite),
                "--ingest.outbox.schema-registry-url=" + s.registryUrl(),
                "--ingest.ledger.contact-points=" + s.host() + ":" + s.port("cassandra"),
                "--ingest.ledger.keyspace=" + scratch.keyspace(),
                "--ingest.ledger.table=" + scratch.ledgerTable(suite),
                "--ingest.runs.instance-id=bench-" + scratch.id(),
                "--ingest.randomuser.base-url=http://"
                    + s.host()
                    + ":"
                    + s.port("randomuser")
                    + "/api/1.4/",
                "--ingest.randomuser.rate-budget.users=10000000",
                "--ingest.randomuser.rate-budget.period=1s"));
    overrides.forEach(o -> command.add("--" + o));
    String base = "http://" + s.host() + ":" + port;
    AppProcess process =
        AppProcess.start(
            "ingest-service (bench instance, " + suite + ")",
            command,
            Map.of(
                "SPRING_DATASOURCE_PASSWORD", s.postgresPassword(),
                "INGEST_API_KEY", s.ingestApiKey()),
            scratch.dir().resolve("ingest-service-" + suite + ".log"),
            () ->
                HttpCheck.answers200(
                    "http://" + s.host() + ":" + managementPort(port) + "/actuator/health"),
            Duration.ofMinutes(3),
            out);
    return new IngestServiceInstance(process, new IngestClient(base, s.ingestApiKey()));
  }

  /** Actuator's port, apart from the API's as in the devstack: the next one. */
  static int managementPort(int port) {
    return port + 1;
  }

  public IngestClient api() {
    return api;
  }

  public long pid() {
    return process.pid();
  }

  /** CPU time the instance has used so far, in seconds. */
  public double cpuSeconds() {
    return process.cpuSeconds();
  }

  @Override
  public void close() {
    process.close();
  }
}
