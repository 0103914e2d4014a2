package io.realtimestreaming.devstack.backlog;

import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where records wait between the stages, for {@code ./pipeline status}: the outbox rows the ingest
 * service has not yet published (and those it parked), the stream job's lag per partition (from the
 * consumer group it commits its processed offsets to), and the dead-letter topic's depth. Each
 * figure says "unknown" with the reason when its source does not answer.
 */
public final class PipelineBacklog {

  /** The stream job's consumer group (UserStreamJob's --consumer-group default). */
  public static final String STREAM_GROUP = "stream-job";

  static final String TOPIC = "users_created";
  static final String DLQ_TOPIC = "users_created.dlq";

  private final StackSettings settings;

  public PipelineBacklog(StackSettings settings) {
    this.settings = settings;
  }

  public void print(PrintStream out) {
    out.println("pipeline: outbox " + outbox());
    kafkaFigures().forEach(out::println);
  }

  private String outbox() {
    Properties props = new Properties();
    props.setProperty("user", settings.postgresUser());
    props.setProperty("password", settings.postgresPassword());
    props.setProperty("connectTimeout", "3");
    props.setProperty("socketTimeout", "5");
    try (Connection db =
            DriverManager.getConnection(settings.jdbcUrl(settings.postgresDatabase()), props);
        Statement query = db.createStatement();
        ResultSet counts =
            query.executeQuery(
                "select (select count(*) from outbox), (select count(*) from outbox_parked)")) {
      counts.next();
      return counts.getLong(1)
          + " events waiting to be published, "
          + counts.getLong(2)
          + " parked (GET /api/v1/ingestions/{id}/parked)";
    } catch (SQLException e) {
      return "unknown (" + firstLine(e.getMessage()) + ")";
    }
  }

  private List<String> kafkaFigures() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
    try (Admin admin = Admin.create(props)) {
      Map<TopicPartition, Long> ends = endOffsets(admin, TOPIC);
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(STREAM_GROUP)
              .partitionsToOffsetAndMetadata()
              .get(5, TimeUnit.SECONDS);
      long dlq = depth(admin, DLQ_TOPIC);
      return List.of(
          "          stream-job lag " + lag(ends, committed),
          "          dead-letter topic " + DLQ_TOPIC + ": " + dlq + " records");
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return List.of("          stream-job lag, DLQ depth: unknown (" + cause + ")");
    }
  }

  /**
   * The records of the topic the group has not processed, in all and per partition; a partition the
   * group has no offset for counts whole.
   */
  static String lag(Map<TopicPartition, Long> ends, Map<TopicPartition, OffsetAndMetadata> group) {
    if (group.keySet().stream().noneMatch(ends::containsKey)) {
      return "unknown: consumer group " + STREAM_GROUP + " has no offsets yet";
    }
    Map<Integer, Long> perPartition = new TreeMap<>();
    ends.forEach(
        (partition, end) -> {
          OffsetAndMetadata done = group.get(partition);
          perPartition.put(partition.partition(), end - (done == null ? 0 : done.offset()));
        });
    long total = perPartition.values().stream().mapToLong(Long::longValue).sum();
    return total
        + " records (consumer group "
        + STREAM_GROUP
        + "; "
        + perPartition.entrySet().stream()
            .map(e -> "p" + e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "))
        + ")";
  }

  private static long depth(Admin admin, String topic) throws Exception {
    Map<TopicPartition, Long> ends = endOffsets(admin, topic);
    Map<TopicPartition, Long> starts = offsets(admin, ends.keySet(), OffsetSpec.earliest());
    return ends.entrySet().stream()
        .mapToLong(e -> e.getValue() - starts.getOrDefault(e.getKey(), 0L))
        .sum();
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
    var description =
        admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic);
    Set<TopicPartition> partitions =
        description.partitions().stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .collect(Collectors.toSet());
    return offsets(admin, partitions, OffsetSpec.latest());
  }

  private static Map<TopicPartition, Long> offsets(
      Admin admin, Set<TopicPartition> partitions, OffsetSpec spec) throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(p -> request.put(p, spec));
    Map<TopicPartition, Long> offsets = new HashMap<>();
    admin
        .listOffsets(request)
        .all()
        .get(5, TimeUnit.SECONDS)
        .forEach((partition, info) -> offsets.put(partition, info.offset()));
    return offsets;
  }

  private static String firstLine(String message) {
    return message == null ? "no answer" : message.lines().findFirst().orElse(message);
  }
}
