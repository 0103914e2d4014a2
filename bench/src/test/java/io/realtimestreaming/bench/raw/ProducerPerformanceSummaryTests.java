package io.realtimestreaming.bench.raw;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProducerPerformanceSummaryTests {

  @Test
  void parsesTheClosingLine() {
    String line =
        "200000 records sent, 178571.428571 records/sec (85.15 MB/sec), 120.43 ms avg latency,"
            + " 456.00 ms max latency, 110 ms 50th, 300 ms 95th, 400 ms 99th, 450 ms 99.9th.";

    ProducerPerformanceSummary summary = ProducerPerformanceSummary.parse(line).orElseThrow();

    assertThat(summary.records()).isEqualTo(200_000);
    assertThat(summary.recordsPerSecond()).isEqualTo(178571.428571);
    assertThat(summary.megabytesPerSecond()).isEqualTo(85.15);
    assertThat(summary.avgLatencyMillis()).isEqualTo(120.43);
    assertThat(summary.maxLatencyMillis()).isEqualTo(456.0);
    assertThat(summary.p50Millis()).isEqualTo(110);
    assertThat(summary.p95Millis()).isEqualTo(300);
    assertThat(summary.p99Millis()).isEqualTo(400);
  }

  @Test
  void parsesTheLineAsKafka392PrintsIt() {
    String line =
        "20000 records sent, 9411.764706 records/sec (4.49 MB/sec), 439.99 ms avg latency, 715.00 ms max latency,"
            + " 447 ms 50th, 653 ms 95th, 681 ms 99th, 715 ms 99.9th.";

    assertThat(ProducerPerformanceSummary.parse(line))
        .hasValueSatisfying(s -> assertThat(s.p99Millis()).isEqualTo(681));
  }

  @Test
  void ignoresTheWindowedProgressLines() {
    String progress =
        "883402 records sent, 176680.4 records/sec (84.25 MB/sec), 8.6 ms avg latency, 137.0 ms max latency.";

    assertThat(ProducerPerformanceSummary.parse(progress)).isEmpty();
    assertThat(ProducerPerformanceSummary.parse("log4j:WARN No appenders could be found"))
        .isEmpty();
  }
}
