package io.realtimestreaming.stream.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskSlotsTests {

  @Test
  void aSlotPerPartitionIsEnough() {
    assertThat(TaskSlots.shortfall(3, 3, "users_created")).isEmpty();
    assertThat(TaskSlots.shortfall(4, 3, "users_created")).isEmpty();
  }

  @Test
  void fewerSlotsThanPartitionsSayWhatToChange() {
    assertThat(TaskSlots.shortfall(2, 3, "users_created"))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .contains(
                        "topic users_created has 3 partitions",
                        "the job has 2 task slots",
                        "1 would wait",
                        "local[3]",
                        "SPARK_CORES_MAX",
                        "--trigger micro-batch"));
  }
}
