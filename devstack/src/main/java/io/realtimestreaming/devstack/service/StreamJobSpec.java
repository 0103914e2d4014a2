package io.realtimestreaming.devstack.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.realtimestreaming.devstack.stack.Health;
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
 * The Spark stream job in local mode, Kafka users_created to Cassandra: started only when named,
 * {@code ./pipeline up stream-job}. Spark comes from devstack/runtimes/spark (resolved on first
 * use), the job from its shaded jar (built first when missing or stale), with Spark's JVM flags
 * from stream-job/jvm.options. Its checkpoint lives in {@code .local/checkpoints/stream-job}, so a
 * restart resumes after the last committed batch. Ready when the Spark UI answers.
 */
final class StreamJobSpec implements ServiceSpec {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String JAR = ModuleJar.STREAM_JOB;

  @Override
  public String name() {
    return "stream-job";
  }

  @Override
  public String address(StackSettings s) {
    return uiUrl(s);
  }

  @Override
  public boolean infrastructure() {
    return false;
  }

  @Override
  public List<String> dependsOn() {
    return List.of("kafka", "registry", "cassandra");
  }

  @Override
  public Map<String, String> environment(StackSettings s) {
    return Map.of("SPARK_LOCAL_IP", s.host()); // or Spark binds the external interface
  }

  @Override
  public List<String> prepare(StackSettings s, Runtimes runtimes) throws IOException {
    Path root = s.repoRoot();
    Path jar = ModuleJar.runnableCopy(s, name(), "stream-job", JAR);
    return JavaCommand.forService(s, runtimes, name())
        .jvm(
            "@" + root.resolve("stream-job/jvm.options"),
            "-Dlog4j.configurationFile=" + root.resolve("stream-job/conf/log4j2.properties"),
            "-Dspark.ui.port=" + s.port(name()),
            "-Dspark.port.maxRetries=0") // a taken UI port is an error, not a move to 4041
        .classpath(runtimes.classpath("spark") + ":" + jar)
        .main(
            "io.realtimestreaming.stream.UserStreamJob",
            "--master",
            "local[3]", // a task slot per topic partition (UserStreamJob.LOCAL_MASTER)
            "--bootstrap-servers",
            s.kafkaBootstrapServers(),
            "--registry-url",
            s.registryUrl(),
            "--cassandra-contact-points",
            s.host() + ":" + s.port("cassandra"),
            "--checkpoint-dir",
            s.home().resolve("checkpoints/stream-job").toString(),
            "--status-file",
            statusFile(s).toString());
  }

  /** Ready when the Spark UI lists the application. */
  @Override
  public boolean isReady(StackSettings s) {
    return HttpProbe.answers200(uiUrl(s) + "/api/v1/applications");
  }

  /**
   * From the job's status file: failing while its query restarts after a failure (with the reason),
   * failed when it stopped retrying (offsets lost), ready when it runs and its UI answers.
   */
  @Override
  public Health health(StackSettings s, long pid) {
    JsonNode status;
    try {
      status = JSON.readTree(statusFile(s).toFile());
    } catch (IOException e) {
      return Health.starting("no status yet");
    }
    String reason = status.path("reason").asText("");
    return switch (status.path("state").asText()) {
      case "running" -> isReady(s) ? Health.ready() : Health.starting("its UI does not answer yet");
      case "restarting" -> new Health(Health.Condition.FAILING, reason);
      case "failed" -> new Health(Health.Condition.FAILED, reason);
      default -> Health.starting("starting its query");
    };
  }

  /** Where the job writes its state (UserStreamJob's --status-file). */
  static Path statusFile(StackSettings s) {
    return s.home().resolve("run/stream-job.status.json");
  }

  @Override
  public Duration startTimeout() {
    return Duration.ofSeconds(180);
  }

  private static String uiUrl(StackSettings s) {
    return "http://" + s.host() + ":" + s.port("stream-job");
  }
}
