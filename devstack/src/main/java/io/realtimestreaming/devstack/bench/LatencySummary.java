package io.realtimestreaming.devstack.bench;

import java.util.Arrays;

/**
 * Exact latency percentiles of one phase, by sorting every row's latency: nearest rank, so each
 * figure is a latency some row really had.
 *
 * @param phase what was measured, e.g. "1,000 users/s offered"
 * @param from the timestamp the latency is counted from, e.g. "PostgreSQL commit"
 * @param rows how many rows the figures cover
 */
public record LatencySummary(
    String phase,
    String from,
    long rows,
    long p50Millis,
    long p95Millis,
    long p99Millis,
    long maxMillis) {

  public static LatencySummary of(String phase, String from, long[] latencyMillis) {
    if (latencyMillis.length == 0) {
      throw new IllegalArgumentException("no latencies to summarize for " + phase);
    }
    long[] sorted = latencyMillis.clone();
    Arrays.sort(sorted);
    return new LatencySummary(
        phase,
        from,
        sorted.length,
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99),
        sorted[sorted.length - 1]);
  }

  /**
   * The nearest-rank percentile: the smallest value that {@code p}% of the values do not exceed.
   */
  static long percentile(long[] sorted, double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100], not " + p);
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
