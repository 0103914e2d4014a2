package io.realtimestreaming.devstack.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.realtimestreaming.devstack.stack.Health;
import io.realtimestreaming.devstack.stack.JavaCommand;
import io.realtimestreaming.devstack.stack.ModuleJar;
import io.realtimestreaming.devstack.stack.Runtimes;
import io.realtimestreaming.devstack.stack.ServiceSpec;
import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.devstack.stack.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
  public String role() {
    return topology == Topology.SINGLE ? "driver, local[3]" : "driver, client mode";
  }

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

  private final Topology topology;

  StreamJobSpec(Topology topology) {
    this.topology = topology;
  }

  @Override
  public List<String> dependsOn() {
    List<String> needs = new ArrayList<>(topology.kafkaBrokers());
    needs.add("registry");
    needs.addAll(topology.cassandraNodes());
    if (topology == Topology.CLUSTER) {
      needs.addAll(List.of("spark-worker-1", "spark-worker-2"));
    }
    return needs;
  }

  @Override
  public Map<String, String> environment(StackSettings s) {
    Map<String, String> env = new HashMap<>();
    env.put("SPARK_LOCAL_IP", s.host()); // or Spark binds the external interface
    if (topology == Topology.CLUSTER) {
      // what docker/stream-job/submit.sh reads, as compose gives it
      env.put("SPARK_HOME", SparkWorkerSpec.sparkHome(s));
      env.put("SPARK_MASTER", SparkMasterSpec.masterUrl(s));
      env.put("SPARK_DRIVER_HOST", s.host());
      env.put("SPARK_DRIVER_BIND_ADDRESS", s.host());
      env.put("SPARK_DRIVER_MEMORY", s.heap(name()));
      env.put("SPARK_EXECUTOR_CORES", "1");
      env.put("SPARK_EXECUTOR_MEMORY", "512m");
      env.put("SPARK_CORES_MAX", "2");
      // real-time mode wants a task slot per Kafka partition for the whole batch: 2 cores, 3
      // partitions, so micro-batches here
      env.put("STREAM_TRIGGER", "micro-batch");
      env.put("STREAM_JOB_CLASS", "io.realtimestreaming.stream.UserStreamJob");
      env.put("STREAM_JOB_JAR", runnableJar(s).toString());
      env.put("KAFKA_BOOTSTRAP_SERVERS", s.kafkaBootstrapServers());
      env.put("SCHEMA_REGISTRY_URL", s.registryUrl());
      env.put("CASSANDRA_CONTACT_POINTS", String.join(",", s.cassandraContactPoints()));
      List<String> submitOpts = new ArrayList<>(driverJvmFlags(s));
      // what JavaCommand puts on every service's JVM, so the stack recognizes its driver
      submitOpts.add("-Dpipeline.home=" + s.home());
      submitOpts.add(JavaCommand.marker(name()));
      env.put("SPARK_SUBMIT_OPTS", String.join(" ", submitOpts));
    }
    return env;
  }

  /**
   * Local mode in the single topology (the job's own JVM, {@code local[3]}); in the cluster
   * topology, submitted to the standalone master by {@code docker/stream-job/submit.sh}, the very
   * script compose runs, with the driver on this host and the executors on the workers.
   */
  @Override
  public List<String> prepare(StackSettings s, Runtimes runtimes) throws IOException {
    Path jar = ModuleJar.runnableCopy(s, name(), "stream-job", JAR);
    List<String> jobArgs =
        List.of(
            "--bootstrap-servers",
            s.kafkaBootstrapServers(),
            "--registry-url",
            s.registryUrl(),
            "--cassandra-contact-points",
            String.join(",", s.cassandraContactPoints()),
            "--checkpoint-dir",
            s.home().resolve("checkpoints/stream-job").toString(),
            "--status-file",
            statusFile(s).toString());
    if (topology == Topology.CLUSTER) {
      SparkHome.of(s, runtimes);
      List<String> command = new ArrayList<>();
      command.add(s.repoRoot().resolve("docker/stream-job/submit.sh").toString());
      command.addAll(jobArgs);
      return command;
    }
    return JavaCommand.forService(s, runtimes, name())
        .jvm("@" + s.repoRoot().resolve("stream-job/jvm.options"))
        .jvm(driverJvmFlags(s))
        .classpath(runtimes.classpath("spark") + ":" + jar)
        .main(
            Stream.concat(
                    Stream.of(
                        "io.realtimestreaming.stream.UserStreamJob",
                        "--master",
                        "local[3]"), // a task slot per topic partition (UserStreamJob.LOCAL_MASTER)
                    jobArgs.stream())
                .toArray(String[]::new));
  }

  /** The driver's logging and UI port; a taken UI port is an error, not a move to 4041. */
  private List<String> driverJvmFlags(StackSettings s) {
    return List.of(
        "-Dlog4j.configurationFile=" + s.repoRoot().resolve("stream-job/conf/log4j2.properties"),
        "-Dspark.ui.port=" + s.port(name()),
        "-Dspark.port.maxRetries=0");
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

  /** Where {@link ModuleJar#runnableCopy} puts the job's jar for this service. */
  private Path runnableJar(StackSettings s) {
    return s.dataDir(name()).resolve(Path.of(JAR).getFileName());
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
