package io.realtimestreaming.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTests {

  @Test
  void percentilesAreNearestRankOfTheSortedValues() {
    long[] oneToHundred =
        LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray(); // descending on purpose

    LatencySummary summary = LatencySummary.of("phase", "commit", oneToHundred);

    assertThat(summary.rows()).isEqualTo(100);
    assertThat(summary.p50Millis()).isEqualTo(50);
    assertThat(summary.p95Millis()).isEqualTo(95);
    assertThat(summary.p99Millis()).isEqualTo(99);
    assertThat(summary.maxMillis()).isEqualTo(100);
  }

  @Test
  void aPercentileIsAValueSomeRowHad() {
    LatencySummary summary = LatencySummary.of("phase", "commit", new long[] {10, 1000, 20});

    assertThat(summary.p50Millis()).isEqualTo(20);
    assertThat(summary.p95Millis()).isEqualTo(1000);
    assertThat(summary.p99Millis()).isEqualTo(1000);
  }

  @Test
  void theTailIsNotAveragedAway() {
    long[] latencies = new long[1000];
    for (int i = 0; i < latencies.length; i++) {
      latencies[i] = i % 50 == 0 ? 5000 : 100; // 20 slow rows in 1000: 2 %, inside p99, outside p95
    }

    LatencySummary summary = LatencySummary.of("phase", "commit", latencies);

    assertThat(summary.p95Millis()).isEqualTo(100);
    assertThat(summary.p99Millis()).isEqualTo(5000);
  }

  @Test
  void leavesTheCallersArrayAsItWas() {
    long[] latencies = {3, 1, 2};

    LatencySummary.of("phase", "commit", latencies);

    assertThat(latencies).containsExactly(3, 1, 2);
  }

  @Test
  void refusesToSummarizeNothing() {
    assertThatThrownBy(() -> LatencySummary.of("offered", "commit", new long[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offered");
  }
}
