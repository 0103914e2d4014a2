package io.realtimestreaming.devstack.backlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PipelineBacklogTests {

  private static TopicPartition p(int partition) {
    return new TopicPartition(PipelineBacklog.TOPIC, partition);
  }

  @Test
  void lagIsWhatTheGroupHasNotProcessedPerPartitionAndInAll() {
    String lag =
        PipelineBacklog.lag(
            Map.of(p(0), 100L, p(1), 80L, p(2), 50L),
            Map.of(p(0), new OffsetAndMetadata(100), p(1), new OffsetAndMetadata(70)));

    assertThat(lag).startsWith("60 records").contains("p0 0, p1 10, p2 50");
  }

  @Test
  void aGroupWithoutOffsetsOnTheTopicIsUnknownNotZero() {
    assertThat(PipelineBacklog.lag(Map.of(p(0), 100L), Map.of()))
        .startsWith("unknown")
        .contains("no offsets yet");
  }
}
