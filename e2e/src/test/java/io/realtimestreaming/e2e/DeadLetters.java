package io.realtimestreaming.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the DLQ from a mark: what the stream job dead-lettered while a test ran. */
final class DeadLetters {

  private static final String TOPIC = "users_created.dlq";

  private final String bootstrapServers;
  private Map<TopicPartition, Long> mark = Map.of();

  DeadLetters(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  void markEnd() {
    try (KafkaConsumer<String, String> consumer = consumer()) {
      mark = new HashMap<>(consumer.endOffsets(partitions(consumer)));
    }
  }

  List<String> keysSinceMark() {
    List<String> keys = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      consumer.assign(partitions);
      partitions.forEach(p -> consumer.seek(p, mark.getOrDefault(p, 0L)));
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> keys.add(r.key()));
      }
    }
    return keys;
  }

  private KafkaConsumer<String, String> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new StringDeserializer(),
        new StringDeserializer());
  }

  private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
    return consumer.partitionsFor(TOPIC).stream()
        .map(p -> new TopicPartition(TOPIC, p.partition()))
        .toList();
  }
}
