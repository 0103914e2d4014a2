package io.realtimestreaming.stream.lag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ConsumerGroupOffsetsTests {

  @Test
  void aKafkaSourcesEndOffsetsBecomeTheNextOffsetToReadPerPartition() {
    assertThat(
            ConsumerGroupOffsets.processedOffsets(
                "{\"users_created\":{\"0\":120,\"2\":131,\"1\":98}}"))
        .isEqualTo(
            Map.of(
                new TopicPartition("users_created", 0), new OffsetAndMetadata(120),
                new TopicPartition("users_created", 1), new OffsetAndMetadata(98),
                new TopicPartition("users_created", 2), new OffsetAndMetadata(131)));
  }

  @Test
  void whatIsNotAKafkaSourcesOffsetCommitsNothing() {
    assertThat(ConsumerGroupOffsets.processedOffsets(null)).isEmpty();
    assertThat(ConsumerGroupOffsets.processedOffsets("")).isEmpty();
    assertThat(ConsumerGroupOffsets.processedOffsets("not json")).isEmpty();
    assertThat(ConsumerGroupOffsets.processedOffsets("{\"t\":{\"0\":\"x\"}}")).isEmpty();
  }
}
