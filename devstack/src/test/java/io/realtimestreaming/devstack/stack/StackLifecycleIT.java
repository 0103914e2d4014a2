package io.realtimestreaming.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's process management, on a stack of its own (own home and ports, so the developer's stack
 * is untouched): recovery after {@code kill -9}, a clean {@code down}, port conflicts, the
 * registry's schemas kept across a restart.
 */
class StackLifecycleIT {

  @TempDir Path home;
  private int postgresPort;
  private int zookeeperPort;
  private int registryPort;
  private int kafkaPort;
  private PipelineCli cli;

  @BeforeEach
  void ownStack() throws Exception {
    postgresPort = PipelineCli.freePort();
    zookeeperPort = PipelineCli.freePort();
    registryPort = PipelineCli.freePort();
    kafkaPort = PipelineCli.freePort();
    cli =
        new PipelineCli(
            Map.of(
                "PIPELINE_HOME", home.toString(),
                "PIPELINE_POSTGRES_PORT", Integer.toString(postgresPort),
                "PIPELINE_ZOOKEEPER_PORT", Integer.toString(zookeeperPort),
                "PIPELINE_REGISTRY_PORT", Integer.toString(registryPort),
                "PIPELINE_KAFKA_PORT", Integer.toString(kafkaPort)));
  }

  @AfterEach
  void stopEverything() throws Exception {
    cli.run("down");
  }

  @Test
  void aKilledServiceComesBackWithItsDataAndDownLeavesNothingRunning() throws Exception {
    assertThat(cli.run("up", "postgres", "zookeeper").exitCode()).isZero();
    execute("create table survivors (name text)", "insert into survivors values ('Çetin')");
    long postgresJvm = pid("postgres");

    ProcessHandle.of(postgresJvm).orElseThrow().destroyForcibly();
    await().atMost(Duration.ofSeconds(10)).until(() -> !Processes.isAlive(postgresJvm));
    // the known leftover: PostgreSQL outlives the JVM that started it
    assertThat(Processes.portAnswers("127.0.0.1", postgresPort)).isTrue();

    PipelineCli.Result again = cli.run("up", "postgres");
    assertThat(again.exitCode()).isZero();
    assertThat(again.output()).contains("left running by an earlier kill -9");
    assertThat(query("select name from survivors")).isEqualTo("Çetin");
    assertThat(cli.run("status").output()).containsPattern("postgres .* ready");

    PipelineCli.Result down = cli.run("down");
    assertThat(down.exitCode()).isZero();
    assertThat(Processes.portAnswers("127.0.0.1", postgresPort)).isFalse();
    assertThat(Processes.portAnswers("127.0.0.1", zookeeperPort)).isFalse();
    assertThat(ProcessHandle.allProcesses().map(p -> Processes.commandLine(p.pid())))
        .noneMatch(cmd -> cmd.contains(home.toString()));
  }

  /**
   * Records on a topic carry their schema's id, so an id must name the same schema after the
   * registry restarts, whatever is registered first afterwards.
   */
  @Test
  void theRegistryKeepsItsSchemasAndTheirIdsAcrossARestart() throws Exception {
    assertThat(cli.run("up", "registry").exitCode()).isZero();
    String first = "{\"type\":\"record\",\"name\":\"First\",\"fields\":[]}";
    String second = "{\"type\":\"record\",\"name\":\"Second\",\"fields\":[]}";
    String firstId = register("first-value", first);

    assertThat(cli.run("down", "registry").exitCode()).isZero();
    assertThat(cli.run("up", "registry").exitCode()).isZero();

    assertThat(registry("/schemas/ids/" + firstId)).contains("First");
    assertThat(register("second-value", second)).isNotEqualTo(firstId);
    assertThat(registry("/subjects")).contains("first-value", "second-value");
  }

  @Test
  void aPortHeldByAnotherProcessFailsUpWithItsOwner() throws Exception {
    try (ServerSocket squatter =
        new ServerSocket(zookeeperPort, 50, InetAddress.getByName("127.0.0.1"))) {
      PipelineCli.Result result = cli.run("up", "zookeeper");

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.output())
          .contains("port " + zookeeperPort + " is held by PID " + ProcessHandle.current().pid())
          .contains("PIPELINE_ZOOKEEPER_PORT");
    }
  }

  /**
   * A crash that takes the broker and ZooKeeper down together leaves the broker registered in
   * ZooKeeper's snapshot until its session expires; a broker started again before then exits at
   * once. {@code up} waits the session out and starts it again.
   */
  @Test
  void aBrokerKilledWithItsZooKeeperComesBackOnUp() throws Exception {
    assertThat(cli.run("up", "kafka").exitCode()).isZero();
    long kafka = pid("kafka");
    long zookeeper = pid("zookeeper");

    ProcessHandle.of(kafka).orElseThrow().destroyForcibly();
    ProcessHandle.of(zookeeper).orElseThrow().destroyForcibly();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !Processes.isAlive(kafka) && !Processes.isAlive(zookeeper));

    PipelineCli.Result again = cli.run("up", "kafka");
    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(again.output()).contains("kafka: ready");
    assertThat(cli.run("status").output()).containsPattern("kafka .* ready");
  }

  @Test
  void upIsIdempotent() throws Exception {
    assertThat(cli.run("up", "zookeeper").exitCode()).isZero();
    long pid = pid("zookeeper");

    PipelineCli.Result again = cli.run("up", "zookeeper");

    assertThat(again.output()).contains("zookeeper: already running (PID " + pid + "), left alone");
  }

  private long pid(String service) throws Exception {
    return Long.parseLong(Files.readString(home.resolve("pids/" + service + ".pid")).trim());
  }

  /** Registers an Avro schema under the subject; answers its id. */
  private String register(String subject, String avro) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(registryUrl() + "/subjects/" + subject + "/versions"))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"schema\":\"" + avro.replace("\"", "\\\"") + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body().replaceAll("\\D", "");
  }

  private String registry(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(registryUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private String registryUrl() {
    return "http://127.0.0.1:" + registryPort + "/apis/ccompat/v7";
  }

  private void execute(String... statements) throws Exception {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    }
  }

  private String query(String sql) throws Exception {
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + postgresPort + "/ingest", "ingest", "ingest");
  }
}
