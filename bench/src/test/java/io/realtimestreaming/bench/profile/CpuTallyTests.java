package io.realtimestreaming.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuTallyTests {

  @Test
  void addsEachProcesssSecondsOverTheRoundsAndTellsThemPerRow() {
    CpuTally tally = new CpuTally(() -> null);
    tally.add(
        1_000,
        2.0,
        reading("cpu 0 0 0 100 0 0 0 0", 1.0, 0.5),
        reading("cpu 100 0 0 100 0 0 0 0", 1.05, 0.52));
    tally.add(
        3_000,
        6.0,
        reading("cpu 0 0 0 100 0 0 0 0", 2.0, 1.0),
        reading("cpu 50 0 0 150 0 0 0 0", 2.15, 1.06));

    // PostgreSQL 0.05 + 0.15 s, the bench 0.02 + 0.06 s, over 4,000 rows;
    // busy 100 % for 2 s and 50 % for 6 s
    assertThat(tally.perRow())
        .isEqualTo("70 core-µs a row (PostgreSQL 50, the bench 20); the machine's cores 63 % busy");
  }

  @Test
  void saysSoWhenNoRoundRan() {
    assertThat(new CpuTally(() -> null).perRow()).isEqualTo("no rows");
  }

  @Test
  void measuresARoundOfThisProcess() throws Exception {
    CpuTally tally = new CpuTally(Map.of("the bench", ProcessHandle.current().pid()), Map.of());

    long sum = tally.measure(10, () -> spin(50_000_000));

    assertThat(sum).isPositive();
    // some 50 ms of this thread's CPU over 10 rows: thousands of core-µs a row, never none
    assertThat(tally.perRow()).containsPattern("^[1-9][0-9]{2,} core-µs a row \\(the bench ");
  }

  private static CpuReading reading(String ticks, double postgres, double bench) {
    return new CpuReading(
        CpuTicks.parse(ticks), orderedOf("PostgreSQL", postgres, "the bench", bench));
  }

  private static Map<String, Double> orderedOf(String k1, double v1, String k2, double v2) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  private static long spin(int n) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += i % 7;
    }
    return sum;
  }
}
