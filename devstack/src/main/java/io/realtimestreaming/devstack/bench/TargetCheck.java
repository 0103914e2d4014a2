package io.realtimestreaming.devstack.bench;

import java.util.Locale;

/**
 * One of the targets against the measured figure.
 *
 * @param target the target as the issue states it
 * @param measured what the run achieved, e.g. "0.74× raw Cassandra (9,120 vs 12,300 rows/s)"
 * @param met whether the target is met
 */
public record TargetCheck(String target, String measured, boolean met) {

  /** A rate that must reach {@code factor} times a reference rate. */
  public static TargetCheck ratio(
      String target, Throughput measured, Throughput reference, double factor) {
    double ratio =
        reference.rowsPerSecond() <= 0 ? 0 : measured.rowsPerSecond() / reference.rowsPerSecond();
    return new TargetCheck(
        target,
        String.format(
            Locale.ROOT,
            "%.2f× %s (%,.0f vs %,.0f rows/s)",
            ratio,
            reference.name(),
            measured.rowsPerSecond(),
            reference.rowsPerSecond()),
        ratio >= factor);
  }

  /** A latency percentile that must not exceed {@code limitMillis}. */
  public static TargetCheck atMost(String target, String what, long millis, long limitMillis) {
    return new TargetCheck(
        target,
        String.format(Locale.ROOT, "%s %,d ms (limit %,d ms)", what, millis, limitMillis),
        millis <= limitMillis);
  }
}
