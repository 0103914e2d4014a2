package io.realtimestreaming.bench.report;

import java.util.Arrays;

/**
 * Latency percentiles of every request's users, failures included: a user whose request was
 * refused, or who never landed, is a sample with an infinite latency, not a sample left out. A
 * percentile that falls among the failures is {@code null} ("failed"), so a run with more than 1 %
 * failures has no p99.
 *
 * <p>Nearest rank over the sorted samples: each figure is a latency some user really had.
 *
 * @param phase what was measured, e.g. "1,000 users/s offered, 100-user requests every 100 ms"
 * @param from the instant the clock starts, e.g. "the request's scheduled send time"
 * @param to the instant it stops, e.g. "the row's write acknowledged by Cassandra"
 * @param samples users offered, failures included
 * @param failures users whose request was refused or who never landed
 */
public record LatencySummary(
    String phase,
    String from,
    String to,
    long samples,
    long failures,
    Long p50Millis,
    Long p95Millis,
    Long p99Millis,
    Long p999Millis,
    Long maxMillis) {

  /**
   * @param landedMillis the latency of every user that landed
   * @param failures users offered that did not land
   */
  public static LatencySummary of(
      String phase, String from, String to, long[] landedMillis, long failures) {
    long[] sorted = landedMillis.clone();
    Arrays.sort(sorted);
    long samples = sorted.length + failures;
    if (samples == 0) {
      throw new IllegalArgumentException("no samples to summarize for " + phase);
    }
    return new LatencySummary(
        phase,
        from,
        to,
        samples,
        failures,
        percentile(sorted, samples, 50),
        percentile(sorted, samples, 95),
        percentile(sorted, samples, 99),
        percentile(sorted, samples, 99.9),
        failures > 0 ? null : sorted[sorted.length - 1]);
  }

  /**
   * The nearest-rank percentile of {@code samples} values, of which {@code landed} are known and
   * the rest infinite: the smallest value that {@code p}% of the samples do not exceed, or null
   * when that is a failure.
   */
  static Long percentile(long[] landed, long samples, double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100], not " + p);
    }
    // less a hair: 99.9 % of 1000 is 999.0000000000001 in doubles, whose ceiling would be 1000
    long rank = (long) Math.ceil(p / 100.0 * samples - 1e-9);
    return rank > landed.length ? null : landed[(int) Math.max(0, rank - 1)];
  }
}
