package io.realtimestreaming.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpuReadingTests {

  @Test
  void tellsTheMachinesBusyShareAndEachProcesssSecondsBetweenTwoReadings() {
    CpuReading before =
        new CpuReading(
            CpuTicks.parse("cpu 100 0 100 800 0 0 0 0 0 0"),
            Map.of("Cassandra", 10.0, "the raw writer", 2.0));
    CpuReading after =
        new CpuReading(
            CpuTicks.parse("cpu 200 0 200 850 0 0 0 0 0 0"),
            Map.of("Cassandra", 35.25, "the raw writer", 7.8));

    assertThat(after.since(before))
        .startsWith("the machine's cores 80 % busy; core-seconds: ")
        .contains("Cassandra 25.3", "the raw writer 5.8");
  }

  @Test
  void aProcessReadOnlyOnceAndAMachineWithoutTicksAreLeftOut() {
    CpuReading before = new CpuReading(Optional.empty(), Map.of("Kafka", 1.0));
    CpuReading after = new CpuReading(Optional.empty(), Map.of("Kafka", 3.0, "the job", 9.0));

    assertThat(after.since(before)).isEqualTo("core-seconds: Kafka 2.0");
  }

  @Test
  void readsThisProcess() {
    Map<String, Long> me = Map.of("the bench", ProcessHandle.current().pid());

    assertThat(CpuReading.now(me).seconds()).containsKey("the bench");
  }
}
