package io.realtimestreaming.bench.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.realtimestreaming.devstack.stack.ModuleJar;
import io.realtimestreaming.devstack.stack.Runtimes;
import io.realtimestreaming.devstack.stack.StackSettings;
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
 * A stream job of the bench's own: the built shaded jar on Spark's runtime in local mode with a
 * task slot per topic partition, as the devstack runs it, its Spark UI on a port of its own,
 * reading the bench's topic into the bench's table and ledger from a fresh checkpoint. The stack's
 * own stream job, if one runs, is left alone.
 */
public final class StreamJobInstance implements AutoCloseable {

  /** Task slots: one per partition of the topic, as the devstack's {@code local[3]}. */
  public static final int TASKS = 3;

  private final AppProcess process;

  private StreamJobInstance(AppProcess process) {
    this.process = process;
  }

  /**
   * @param suite names the topic, table and ledger it uses ({@link Scratch})
   * @param options the job's flags on top of the bench's, e.g. {@code --trigger-interval=0}
   */
  public static StreamJobInstance start(
      StackSettings s,
      Scratch scratch,
      String suite,
      int uiPort,
      List<String> options,
      PrintStream out)
      throws IOException, InterruptedException {
    Path built = ModuleJar.ensureBuilt(s, "stream-job", ModuleJar.STREAM_JOB);
    Path jar = scratch.dir().resolve("stream-job.jar");
    Files.createDirectories(jar.getParent());
    if (!Files.exists(jar)) {
      Files.copy(built, jar, StandardCopyOption.REPLACE_EXISTING);
    }
    Path root = s.repoRoot();
    Path status = scratch.dir().resolve("stream-job-" + suite + ".status.json");
    Files.deleteIfExists(status);
    Runtimes runtimes = new Runtimes(s);
    List<String> command =
        new ArrayList<>(
            List.of(
                runtimes.java(),
                "-Dpipeline.service=bench-stream-job",
                "-Dpipeline.home=" + s.home(),
                "-Xmx" + s.heap("stream-job"),
                "-XX:+ExitOnOutOfMemoryError",
                "@" + root.resolve("stream-job/jvm.options"),
                "-Dlog4j.configurationFile=" + root.resolve("stream-job/conf/log4j2.properties"),
                "-Dspark.ui.port=" + uiPort,
                "-Dspark.port.maxRetries=0",
                "-cp",
                runtimes.classpath("spark") + ":" + jar,
                "io.realtimestreaming.stream.UserStreamJob",
                "--master=local[" + TASKS + "]",
                "--bootstrap-servers=" + s.kafkaBootstrapServers(),
                "--registry-url=" + s.registryUrl(),
                "--topic=" + scratch.topic(suite),
                "--dlq-topic=" + scratch.dlqTopic(suite),
                "--cassandra-contact-points=" + s.host() + ":" + s.port("cassandra"),
                "--cassandra-keyspace=" + scratch.keyspace(),
                "--cassandra-table=" + scratch.table(suite),
                "--cassandra-ledger-table=" + scratch.ledgerTable(suite),
                "--checkpoint-dir=" + scratch.dir().resolve("checkpoint-" + suite),
                "--starting-offsets=earliest",
                "--status-file=" + status));
    if (!s.cassandraReplication().isBlank()) {
      command.add("--cassandra-replication=" + s.cassandraReplication());
    }
    command.addAll(options); // the job takes a flag's last value: these win
    AppProcess process =
        AppProcess.start(
            "stream-job (bench instance, " + suite + ")",
            command,
            Map.of("SPARK_LOCAL_IP", s.host()),
            scratch.dir().resolve("stream-job-" + suite + ".log"),
            () -> running(status),
            Duration.ofMinutes(3),
            out);
    return new StreamJobInstance(process);
  }

  public long pid() {
    return process.pid();
  }

  /** CPU time the instance has used so far, in seconds. */
  public double cpuSeconds() {
    return process.cpuSeconds();
  }

  /** The job's log: a line per batch (see {@link StreamBatches}). */
  public Path log() {
    return process.log();
  }

  @Override
  public void close() {
    process.close();
  }

  private static boolean running(Path status) {
    try {
      return "running".equals(new ObjectMapper().readTree(status.toFile()).path("state").asText());
    } catch (IOException e) {
      return false;
    }
  }
}
