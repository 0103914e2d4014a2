package io.realtimestreaming.bench.raw;

import io.realtimestreaming.devstack.stack.Runtimes;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The broker's own produce rate, the ceiling the outbox relay is compared with: kafka-tools' {@code
 * ProducerPerformance} on the Kafka runtime's classpath, in a JVM of its own, into a scratch topic
 * of 3 partitions (as users_created) that is deleted afterwards. Producer settings as the ingest
 * service's application.yml: acks=all, idempotent, linger 5 ms, batches of 256 KiB. Informational:
 * no target rests on it.
 */
public final class RawKafka {

  public static final String NAME = "raw Kafka produce (kafka-tools ProducerPerformance)";

  private final StackSettings settings;
  private final PrintStream out;

  public RawKafka(StackSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  public ProducerPerformanceSummary produce(String topic, int records, int recordSize)
      throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers()))) {
      admin
          .createTopics(List.of(new NewTopic(topic, 3, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
      try {
        return run(topic, records, recordSize);
      } finally {
        deleteQuietly(admin, topic);
      }
    }
  }

  private ProducerPerformanceSummary run(String topic, int records, int recordSize)
      throws IOException, InterruptedException {
    Runtimes runtimes = new Runtimes(settings);
    List<String> command =
        List.of(
            runtimes.java(),
            "-Xmx256m",
            "-Duser.language=en", // the summary's decimals are parsed with a point
            "-cp",
            runtimes.classpath("kafka"),
            "org.apache.kafka.tools.ProducerPerformance",
            "--topic",
            topic,
            "--num-records",
            String.valueOf(records),
            "--record-size",
            String.valueOf(recordSize),
            "--throughput",
            "-1",
            "--producer-props",
            "bootstrap.servers=" + settings.kafkaBootstrapServers(),
            "acks=all",
            "enable.idempotence=true",
            "linger.ms=5",
            "batch.size=262144");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ProducerPerformanceSummary summary = null;
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.contains("records sent")) {
          out.println("  raw Kafka: " + line.trim());
        }
        summary = ProducerPerformanceSummary.parse(line).orElse(summary);
      }
    }
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0 || summary == null) {
      process.destroyForcibly();
      throw new IOException(
          "ProducerPerformance ended without its summary line (exit "
              + (process.isAlive() ? "none" : process.exitValue())
              + "); is Kafka up at "
              + settings.kafkaBootstrapServers()
              + "?");
    }
    return summary;
  }

  private void deleteQuietly(Admin admin, String topic) throws InterruptedException {
    try {
      admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      out.println("  could not delete the scratch topic " + topic + ": " + e.getMessage());
    }
  }
}
