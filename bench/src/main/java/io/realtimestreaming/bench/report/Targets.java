package io.realtimestreaming.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The targets, each checked against a run's figures; every target is listed, measured or not.
 *
 * <p>A ratio is taken against the best raw figure (the highest median of the raw ways measured). A
 * raw figure whose rounds spread over {@value #RAW_SPREAD_LIMIT} of its median cannot be compared
 * with anything: the ratio is then INCONCLUSIVE, never met.
 */
public final class Targets {

  static final double INGEST_VS_RAW = 0.8;
  static final double INGEST_USERS_PER_SECOND = 25_000;
  static final double STREAM_VS_RAW = 0.9;
  static final long P99_LIMIT_MILLIS = 250;
  static final int OFFERED_USERS_PER_SECOND = 1000;
  static final double RAW_SPREAD_LIMIT = 0.20;

  static final String INGEST_RATIO =
      "ingest ≥ 0.8× best raw PostgreSQL (COPY or the service's unnest) at equal parallelism";
  static final String INGEST_RATE = "ingest ≥ 25,000 users/s";
  static final String STREAM_RATIO = "stream ≥ 0.9× raw Cassandra (the sink's writer alone)";
  static final String LATENCY = "end-to-end p99 ≤ 250 ms at 1,000 users/s offered";

  /** Exit status of a run whose targets all held. */
  public static final int ALL_MET = 0;

  /** Exit status of a run that missed a target. */
  public static final int MISSED = 3;

  /** Exit status of a run that missed none but could not judge one (noisy raw figures). */
  public static final int INCONCLUSIVE = 4;

  private Targets() {}

  /**
   * @param rawPostgres the raw PostgreSQL ways measured (empty when the ingest suite did not run)
   * @param ingest the service's rate, or null
   * @param rawCassandra the raw Cassandra writer's rate, or null
   * @param stream the stream job's rate, or null
   * @param latency the offered load's latency, or null
   * @param offeredUsersPerSecond the load the latency was measured at
   */
  public static List<TargetCheck> evaluate(
      List<Measurement> rawPostgres,
      Measurement ingest,
      Measurement rawCassandra,
      Measurement stream,
      LatencySummary latency,
      int offeredUsersPerSecond) {
    List<TargetCheck> checks = new ArrayList<>();
    checks.add(
        ingest == null || rawPostgres.isEmpty()
            ? notMeasured(INGEST_RATIO)
            : ratio(INGEST_RATIO, ingest, rawPostgres, INGEST_VS_RAW));
    checks.add(
        ingest == null
            ? notMeasured(INGEST_RATE)
            : new TargetCheck(
                INGEST_RATE,
                ingest.summary(),
                ingest.median() >= INGEST_USERS_PER_SECOND ? Verdict.MET : Verdict.MISSED));
    checks.add(
        stream == null || rawCassandra == null
            ? notMeasured(STREAM_RATIO)
            : ratio(STREAM_RATIO, stream, List.of(rawCassandra), STREAM_VS_RAW));
    checks.add(latency(latency, offeredUsersPerSecond));
    return checks;
  }

  /** The run's exit status: any target missed, else any inconclusive, else all met. */
  public static int exitStatus(List<TargetCheck> checks) {
    if (checks.stream().anyMatch(c -> c.verdict() == Verdict.MISSED)) {
      return MISSED;
    }
    return checks.stream().anyMatch(c -> c.verdict() == Verdict.INCONCLUSIVE)
        ? INCONCLUSIVE
        : ALL_MET;
  }

  private static TargetCheck ratio(
      String target, Measurement measured, List<Measurement> raws, double factor) {
    Measurement best = raws.stream().max(Comparator.comparingDouble(Measurement::median)).get();
    double ratio = measured.median() / best.median();
    String figures =
        String.format(
            Locale.ROOT,
            "%.2f× %s: %s against %s",
            ratio,
            best.name(),
            measured.summary(),
            best.summary());
    List<Measurement> noisy = raws.stream().filter(r -> r.spread() > RAW_SPREAD_LIMIT).toList();
    if (!noisy.isEmpty()) {
      return new TargetCheck(
          target,
          figures
              + String.format(
                  Locale.ROOT,
                  "; inconclusive: %s spread %.0f %% (over %.0f %%)",
                  noisy.get(0).name(),
                  100 * noisy.get(0).spread(),
                  100 * RAW_SPREAD_LIMIT),
          Verdict.INCONCLUSIVE);
    }
    return new TargetCheck(target, figures, ratio >= factor ? Verdict.MET : Verdict.MISSED);
  }

  private static TargetCheck latency(LatencySummary latency, int offeredUsersPerSecond) {
    if (latency == null) {
      return notMeasured(LATENCY);
    }
    if (offeredUsersPerSecond != OFFERED_USERS_PER_SECOND) {
      return new TargetCheck(
          LATENCY,
          String.format(
              Locale.ROOT, "not evaluated: this run offered %,d users/s", offeredUsersPerSecond),
          Verdict.NOT_MEASURED);
    }
    Long p99 = latency.p99Millis();
    String measured =
        String.format(
            Locale.ROOT,
            "p99 %s over %,d samples (%,d failed)",
            p99 == null ? "failed (over 1 % of the users never landed)" : f("%,d ms", p99),
            latency.samples(),
            latency.failures());
    return new TargetCheck(
        LATENCY, measured, p99 != null && p99 <= P99_LIMIT_MILLIS ? Verdict.MET : Verdict.MISSED);
  }

  private static TargetCheck notMeasured(String target) {
    return new TargetCheck(target, "not measured in this run", Verdict.NOT_MEASURED);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
