package io.realtimestreaming.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTests {

  private static final Measurement COPY = rate("raw PostgreSQL COPY", 50_000, 51_000, 52_000);
  private static final Measurement UNNEST = rate("raw PostgreSQL unnest", 30_000, 30_000, 30_000);
  private static final Measurement CASSANDRA = rate("raw Cassandra", 20_000, 20_000, 20_000);

  @Test
  void theIngestRatioIsTakenAgainstTheBestRawWay() {
    Measurement ingest = rate("ingest", 40_000, 40_800, 41_000); // 0.80× COPY's median 51,000

    TargetCheck check =
        check(Targets.INGEST_RATIO, List.of(UNNEST, COPY), ingest, null, null, null);

    assertThat(check.verdict()).isEqualTo(Verdict.MET);
    assertThat(check.measured()).startsWith("0.80× raw PostgreSQL COPY");
  }

  @Test
  void aRatioJustBelowItsFactorIsMissed() {
    Measurement ingest = rate("ingest", 40_700, 40_700, 40_700); // 0.798×

    assertThat(
            check(Targets.INGEST_RATIO, List.of(COPY, UNNEST), ingest, null, null, null).verdict())
        .isEqualTo(Verdict.MISSED);
  }

  @Test
  void aNoisyRawBaselineMakesTheRatioInconclusiveEvenWhenItWouldPass() {
    Measurement noisy = rate("raw Cassandra", 15_000, 20_000, 20_000); // spread 25 %
    Measurement stream = rate("stream", 19_000, 19_000, 19_000);

    TargetCheck check = check(Targets.STREAM_RATIO, List.of(), null, noisy, stream, null);

    assertThat(check.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(check.measured()).contains("inconclusive: raw Cassandra spread 25 %");
  }

  @Test
  void aSpreadOfExactlyTwentyPercentIsStillComparable() {
    Measurement edge = rate("raw Cassandra", 18_000, 20_000, 22_000); // spread 20 %
    Measurement stream = rate("stream", 18_000, 18_000, 18_000); // 0.9×

    assertThat(check(Targets.STREAM_RATIO, List.of(), null, edge, stream, null).verdict())
        .isEqualTo(Verdict.MET);
  }

  @Test
  void theIngestRateIsAnAbsoluteTargetOfItsOwn() {
    Measurement slow = rate("ingest", 24_000, 24_999, 26_000);

    assertThat(check(Targets.INGEST_RATE, List.of(COPY), slow, null, null, null).verdict())
        .isEqualTo(Verdict.MISSED);
  }

  @Test
  void p99MustStayWithin250MillisecondsAtTheTargetLoad() {
    assertThat(latencyCheck(250L, 1000).verdict()).isEqualTo(Verdict.MET);
    assertThat(latencyCheck(251L, 1000).verdict()).isEqualTo(Verdict.MISSED);
    assertThat(latencyCheck(null, 1000).verdict()).isEqualTo(Verdict.MISSED);
    assertThat(latencyCheck(100L, 500).verdict()).isEqualTo(Verdict.NOT_MEASURED);
  }

  @Test
  void everyTargetIsListedMeasuredOrNot() {
    List<TargetCheck> checks = Targets.evaluate(List.of(), null, null, null, null, 1000);

    assertThat(checks)
        .extracting(TargetCheck::target)
        .containsExactly(
            Targets.INGEST_RATIO, Targets.INGEST_RATE, Targets.STREAM_RATIO, Targets.LATENCY);
    assertThat(checks).allMatch(c -> c.verdict() == Verdict.NOT_MEASURED);
    assertThat(Targets.exitStatus(checks)).isEqualTo(Targets.ALL_MET);
  }

  @Test
  void aMissOutranksAnInconclusiveAndAnInconclusiveOutranksAPass() {
    TargetCheck met = new TargetCheck("a", "x", Verdict.MET);
    TargetCheck missed = new TargetCheck("b", "x", Verdict.MISSED);
    TargetCheck unsure = new TargetCheck("c", "x", Verdict.INCONCLUSIVE);

    assertThat(Targets.exitStatus(List.of(met, unsure, missed))).isEqualTo(Targets.MISSED);
    assertThat(Targets.exitStatus(List.of(met, unsure))).isEqualTo(Targets.INCONCLUSIVE);
    assertThat(Targets.exitStatus(List.of(met))).isEqualTo(Targets.ALL_MET);
  }

  private static TargetCheck latencyCheck(Long p99, int offered) {
    LatencySummary latency =
        new LatencySummary("load", "f", "t", 30_000, 0, 50L, 100L, p99, p99, p99);
    return check(Targets.LATENCY, List.of(), null, null, null, latency, offered);
  }

  private static TargetCheck check(
      String target,
      List<Measurement> rawPostgres,
      Measurement ingest,
      Measurement rawCassandra,
      Measurement stream,
      LatencySummary latency) {
    return check(target, rawPostgres, ingest, rawCassandra, stream, latency, 1000);
  }

  private static TargetCheck check(
      String target,
      List<Measurement> rawPostgres,
      Measurement ingest,
      Measurement rawCassandra,
      Measurement stream,
      LatencySummary latency,
      int offered) {
    return Targets.evaluate(rawPostgres, ingest, rawCassandra, stream, latency, offered).stream()
        .filter(c -> c.target().equals(target))
        .findFirst()
        .orElseThrow();
  }

  private static Measurement rate(String name, double... values) {
    return new Measurement(name, "how", "rows/s", java.util.Arrays.stream(values).boxed().toList());
  }
}
