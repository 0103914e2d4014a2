package io.realtimestreaming.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the pipeline has got, read cheaply from Kafka: the events published to users_created (the
 * topic's end offsets) and the events the stream job has processed (the offsets it commits to its
 * consumer group after each batch). A failover's time to recover is the time until the counters of
 * the stages with work waiting move again.
 */
final class FlowWatch implements AutoCloseable {

  private static final String TOPIC = "users_created";
  private static final String STREAM_GROUP = "stream-job";
  private static final Duration POLL = Duration.ofMillis(250);

  private final Admin admin;

  FlowWatch(String bootstrapServers) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
    this.admin = Admin.create(props);
  }

  /** Events on the topic, all partitions; -1 when Kafka does not answer now. */
  long published() {
    try {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < 3; p++) {
        latest.put(new TopicPartition(TOPIC, p), OffsetSpec.latest());
      }
      return admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).values().stream()
          .mapToLong(info -> info.offset())
          .sum();
    } catch (Exception e) {
      return -1;
    }
  }

  /** Events the stream job has processed, all partitions; -1 when Kafka does not answer now. */
  long processed() {
    try {
      return admin
          .listConsumerGroupOffsets(STREAM_GROUP)
          .partitionsToOffsetAndMetadata()
          .get(5, TimeUnit.SECONDS)
          .entrySet()
          .stream()
          .filter(e -> e.getKey().topic().equals(TOPIC))
          .mapToLong(e -> e.getValue().offset())
          .sum();
    } catch (Exception e) {
      return -1;
    }
  }

  /** True when every partition of the pipeline's topics has all its replicas in sync. */
  boolean fullyReplicated() {
    try {
      return admin
          .describeTopics(List.of(TOPIC, TOPIC + ".dlq", "__consumer_offsets"))
          .allTopicNames()
          .get(5, TimeUnit.SECONDS)
          .values()
          .stream()
          .flatMap(topic -> topic.partitions().stream())
          .allMatch(p -> p.isr().size() == p.replicas().size());
    } catch (Exception e) {
      return false;
    }
  }

  /** The broker id leading partition 0 of users_created. */
  int leaderOfFirstPartition() throws Exception {
    return admin
        .describeTopics(List.of(TOPIC))
        .allTopicNames()
        .get(5, TimeUnit.SECONDS)
        .get(TOPIC)
        .partitions()
        .stream()
        .filter(p -> p.partition() == 0)
        .findFirst()
        .orElseThrow()
        .leader()
        .id();
  }

  /**
   * Waits until {@code counter} exceeds {@code atKill}; answers the time since {@code killedAt}.
   */
  static Duration until(LongSupplier counter, long atKill, Instant killedAt, Duration timeout)
      throws InterruptedException {
    Instant deadline = killedAt.plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (counter.getAsLong() > atKill) {
        return Duration.between(killedAt, Instant.now());
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new AssertionError("the pipeline did not move for " + timeout + " after the kill");
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
