package io.realtimestreaming.stream.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LostOffsetsTests {

  @TempDir Path checkpoint;

  @Test
  void theQueryResumesWhereTheLastCommittedBatchEndedAndReplaysThePlannedOne() throws Exception {
    Files.createDirectories(checkpoint.resolve("offsets"));
    Files.createDirectories(checkpoint.resolve("commits"));
    Files.writeString(checkpoint.resolve("offsets/9"), offsetsFile(100, 200));
    Files.writeString(checkpoint.resolve("offsets/10"), offsetsFile(150, 250));
    Files.writeString(checkpoint.resolve("offsets/.10.crc"), "ignored");
    Files.writeString(checkpoint.resolve("commits/9"), "v1\n{}");

    assertThat(LostOffsets.resumeOffsets(checkpoint.toString(), new Configuration()))
        .isEqualTo(
            Map.of(
                new TopicPartition("users_created", 0), 100L,
                new TopicPartition("users_created", 1), 200L));
    assertThat(LostOffsets.plannedOffsets(checkpoint.toString(), new Configuration()))
        .isEqualTo(
            Map.of(
                new TopicPartition("users_created", 0), 150L,
                new TopicPartition("users_created", 1), 250L));

    Files.writeString(checkpoint.resolve("commits/10"), "v1\n{}");
    assertThat(LostOffsets.plannedOffsets(checkpoint.toString(), new Configuration())).isEmpty();
  }

  @Test
  void noCommittedBatchYetMeansNothingToResume() throws Exception {
    assertThat(
            LostOffsets.resumeOffsets(checkpoint.resolve("none").toString(), new Configuration()))
        .isEmpty();
    Files.createDirectories(checkpoint.resolve("offsets"));
    Files.writeString(checkpoint.resolve("offsets/0"), offsetsFile(10, 20));
    assertThat(LostOffsets.resumeOffsets(checkpoint.toString(), new Configuration())).isEmpty();
  }

  @Test
  void aGapNamesTopicPartitionOffsetAndWhatKafkaHolds() {
    assertThat(new LostOffsets.Gap("users_created", 2, 1200, 0, 0))
        .hasToString("users_created-2 at offset 1200 (Kafka holds 0..0)");
  }

  private static String offsetsFile(long p0, long p1) {
    return "v1\n"
        + "{\"batchWatermarkMs\":0,\"batchTimestampMs\":1764555000000,\"conf\":{}}\n"
        + "{\"users_created\":{\"0\":"
        + p0
        + ",\"1\":"
        + p1
        + "}}";
  }
}
