package io.realtimestreaming.bench.raw;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The closing line of kafka-tools' {@code ProducerPerformance}, e.g. {@code 200000 records sent,
 * 178571.428571 records/sec (85.15 MB/sec), 120.43 ms avg latency, 456.00 ms max latency, 110 ms
 * 50th, 300 ms 95th, 400 ms 99th, 450 ms 99.9th.}
 */
public record ProducerPerformanceSummary(
    long records,
    double recordsPerSecond,
    double megabytesPerSecond,
    double avgLatencyMillis,
    double maxLatencyMillis,
    long p50Millis,
    long p95Millis,
    long p99Millis) {

  private static final Pattern SUMMARY =
      Pattern.compile(
          "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency,"
              + " ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th\\b.*");

  /** The summary, if {@code line} is one (the tool's windowed progress lines are not). */
  public static Optional<ProducerPerformanceSummary> parse(String line) {
    Matcher m = SUMMARY.matcher(line.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new ProducerPerformanceSummary(
            Long.parseLong(m.group(1)),
            Double.parseDouble(m.group(2)),
            Double.parseDouble(m.group(3)),
            Double.parseDouble(m.group(4)),
            Double.parseDouble(m.group(5)),
            Long.parseLong(m.group(6)),
            Long.parseLong(m.group(7)),
            Long.parseLong(m.group(8))));
  }
}
