package io.realtimestreaming.stream.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StreamOptionsTests {

  @Test
  void flagsOverrideTheDefaults() {
    StreamSettings s =
        StreamOptions.parse(
            "--topic",
            "t1",
            "--dlq-topic",
            "t1.dlq",
            "--cassandra-contact-points",
            "a:1, b:2",
            "--cassandra-table",
            "users_it",
            "--cassandra-consistency",
            "one",
            "--trigger-interval",
            "500 milliseconds",
            "--max-offsets-per-trigger",
            "50",
            "--checkpoint-dir",
            "/tmp/cp",
            "--no-create-schema",
            "--master",
            "local[1]");

    assertThat(s.topic()).isEqualTo("t1");
    assertThat(s.deadLetters().topic()).isEqualTo("t1.dlq");
    assertThat(s.cassandra().contactPoints()).isEqualTo(List.of("a:1", "b:2"));
    assertThat(s.cassandra().table()).isEqualTo("users_it");
    assertThat(s.cassandra().consistency()).isEqualTo("ONE");
    assertThat(s.triggerInterval()).isEqualTo("500 milliseconds");
    assertThat(s.maxOffsetsPerTrigger()).isEqualTo(50);
    assertThat(s.checkpointDir()).isEqualTo("/tmp/cp");
    assertThat(s.createSchema()).isFalse();
    assertThat(s.sparkMaster()).hasValue("local[1]");
  }

  @Test
  void withoutFlagsTheContractsDefaultsApply() {
    // the test JVM sets none of the job's environment variables
    StreamSettings s = StreamOptions.parse();

    assertThat(s.topic()).isEqualTo("users_created");
    assertThat(s.dlqTopic()).isEqualTo("users_created.dlq");
    assertThat(s.cassandra().keyspace()).isEqualTo("spark_streams");
    assertThat(s.cassandra().table()).isEqualTo("created_users");
    assertThat(s.cassandra().consistency()).isEqualTo("LOCAL_QUORUM");
    assertThat(s.realTime()).isTrue();
    assertThat(s.triggerInterval()).isEqualTo("15 seconds");
    assertThat(s.maxOffsetsPerTrigger()).isEqualTo(20_000);
    assertThat(s.startingOffsets()).isEqualTo("earliest");
    assertThat(s.createSchema()).isTrue();
    assertThat(s.schemaFile()).isNull();
  }

  @Test
  void realTimeModeCheckpointsEveryFifteenSecondsAndMicroBatchesComeEveryHalfSecond() {
    assertThat(StreamOptions.parse().trigger())
        .hasToString(Trigger.RealTime("15 seconds").toString());
    assertThat(
            StreamOptions.parse("--trigger=real-time", "--trigger-interval=20 seconds").trigger())
        .hasToString(Trigger.RealTime("20 seconds").toString());

    StreamSettings microBatches = StreamOptions.parse("--trigger", "micro-batch");
    assertThat(microBatches.realTime()).isFalse();
    assertThat(microBatches.trigger())
        .hasToString(Trigger.ProcessingTime("500 milliseconds").toString());
    assertThat(
            StreamOptions.parse("--trigger=micro-batch", "--trigger-interval=0 seconds").trigger())
        .hasToString(Trigger.ProcessingTime(0).toString());
  }

  @Test
  void refusesValuesTheJobCannotUse() {
    assertThatThrownBy(() -> StreamOptions.parse("--trigger", "continuous"))
        .hasMessageContaining("neither micro-batch nor real-time");
    assertThatThrownBy(() -> StreamOptions.parse("--trigger-interval", "soon"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StreamOptions.parse("--max-offsets-per-trigger", "0"))
        .hasMessageContaining("maxOffsetsPerTrigger");
    assertThatThrownBy(() -> StreamOptions.parse("--dlq-topic", "users_created"))
        .hasMessageContaining("DLQ topic must differ");
    assertThatThrownBy(() -> StreamOptions.parse("--no-such-flag"))
        .isInstanceOf(CommandLine.ParameterException.class);
  }
}
