package io.realtimestreaming.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTests {

  @Test
  void percentilesAreNearestRankOfTheSortedValues() {
    long[] oneToThousand = LongStream.rangeClosed(1, 1000).map(i -> 1001 - i).toArray();

    LatencySummary summary = LatencySummary.of("phase", "from", "to", oneToThousand, 0);

    assertThat(summary.samples()).isEqualTo(1000);
    assertThat(summary.p50Millis()).isEqualTo(500);
    assertThat(summary.p95Millis()).isEqualTo(950);
    assertThat(summary.p99Millis()).isEqualTo(990);
    assertThat(summary.p999Millis()).isEqualTo(999);
    assertThat(summary.maxMillis()).isEqualTo(1000);
  }

  @Test
  void aPercentileIsAValueSomeUserHad() {
    LatencySummary summary = LatencySummary.of("phase", "f", "t", new long[] {10, 1000, 20}, 0);

    assertThat(summary.p50Millis()).isEqualTo(20);
    assertThat(summary.p95Millis()).isEqualTo(1000);
    assertThat(summary.p99Millis()).isEqualTo(1000);
  }

  @Test
  void theTailIsNotAveragedAway() {
    long[] latencies = new long[1000];
    for (int i = 0; i < latencies.length; i++) {
      latencies[i] = i % 50 == 0 ? 5000 : 100; // 20 slow users in 1000: 2 %, inside p99
    }

    LatencySummary summary = LatencySummary.of("phase", "f", "t", latencies, 0);

    assertThat(summary.p95Millis()).isEqualTo(100);
    assertThat(summary.p99Millis()).isEqualTo(5000);
  }

  @Test
  void aFailureIsASampleSlowerThanAnyLandedOne() {
    long[] landed = LongStream.rangeClosed(1, 990).toArray(); // 990 landed, 10 failed: 1 %

    LatencySummary summary = LatencySummary.of("phase", "f", "t", landed, 10);

    assertThat(summary.samples()).isEqualTo(1000);
    assertThat(summary.failures()).isEqualTo(10);
    assertThat(summary.p99Millis()).isEqualTo(990); // the 990th of 1000 still landed
    assertThat(summary.p999Millis()).isNull(); // the 999th did not
    assertThat(summary.maxMillis()).isNull();
  }

  @Test
  void moreThanOnePercentFailedLeavesNoP99() {
    long[] landed = LongStream.rangeClosed(1, 989).toArray();

    assertThat(LatencySummary.of("phase", "f", "t", landed, 11).p99Millis()).isNull();
  }

  @Test
  void everyUserFailingIsStillASummary() {
    LatencySummary summary = LatencySummary.of("phase", "f", "t", new long[0], 100);

    assertThat(summary.p50Millis()).isNull();
    assertThat(summary.samples()).isEqualTo(100);
  }

  @Test
  void leavesTheCallersArrayAsItWas() {
    long[] latencies = {3, 1, 2};

    LatencySummary.of("phase", "f", "t", latencies, 0);

    assertThat(latencies).containsExactly(3, 1, 2);
  }

  @Test
  void refusesToSummarizeNothing() {
    assertThatThrownBy(() -> LatencySummary.of("offered", "f", "t", new long[0], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offered");
  }
}
