package io.realtimestreaming.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.bench.profile.HotMethods;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTests {

  static BenchReport report() {
    return new BenchReport(
        "20261201_031500",
        "2026-12-01T03:15:00Z",
        "./pipeline bench --publish",
        List.of("ingest", "stream", "latency"),
        new BenchReport.Machine(2, 1.5, 3.9),
        "fsync=off, synchronous_commit=on",
        List.of("stream-job --trigger-interval=0"),
        List.of(
            new Measurement(
                "raw PostgreSQL COPY",
                "200,000 rows per round, 2 connections",
                "rows/s",
                List.of(50_000.0, 52_000.0, 51_000.0))),
        new LatencySummary(
            "1,000 users/s offered",
            "scheduled send",
            "acknowledged",
            30_000,
            12,
            120L,
            180L,
            240L,
            400L,
            null),
        List.of(
            new TargetCheck("p99 ≤ 250 ms", "p99 240 ms", Verdict.MET),
            new TargetCheck("stream ≥ 0.9×", "0.80×", Verdict.MISSED),
            new TargetCheck("ingest ≥ 0.8×", "0.85×; inconclusive", Verdict.INCONCLUSIVE)),
        Targets.MISSED,
        List.of(
            new HotMethods(
                "ingest-service",
                "its measured rounds",
                200,
                List.of(
                    new HotMethods.Share("ingestion-#", 120),
                    new HotMethods.Share("outbox-relay-#", 50)),
                List.of(new HotMethods.Share("org.postgresql.core.PGStream.receive", 30)),
                List.of(
                    new HotMethods.Share("io.realtimestreaming.ingest.users.UserStore.upsert", 90)),
                ".local/bench/x.jfr")),
        List.of("PostgreSQL runs with fsync off."));
  }

  @Test
  void listsEveryRoundWithTheMedianAndSpread() {
    assertThat(MarkdownReport.render(report()))
        .contains(
            "| raw PostgreSQL COPY | 51,000 rows/s | 50,000 / 52,000 / 51,000 | 4 % | 200,000 rows"
                + " per round, 2 connections |");
  }

  @Test
  void rendersEveryPercentileAndAFailedOneAsFailed() {
    assertThat(MarkdownReport.render(report()))
        .contains(
            "| 1,000 users/s offered | 30,000 | 12 | 120 ms | 180 ms | 240 ms | 400 ms | failed |")
        .contains("Latency is counted from scheduled send to when acknowledged.");
  }

  @Test
  void putsTheVerdictsFirstAndTheExitStatusWithThem() {
    String md = MarkdownReport.render(report());

    assertThat(md).contains("Exit status 3 (a target was missed).");
    assertThat(md).contains("| p99 ≤ 250 ms | met | p99 240 ms |");
    assertThat(md).contains("| stream ≥ 0.9× | **missed** | 0.80× |");
    assertThat(md).contains("| ingest ≥ 0.8× | **inconclusive** | 0.85×; inconclusive |");
    assertThat(md.indexOf("| target |")).isLessThan(md.indexOf("| throughput |"));
  }

  @Test
  void statesTheCommandTheMachineTheConfigurationAndTheNotes() {
    String md = MarkdownReport.render(report());

    assertThat(md)
        .contains("`./pipeline bench --publish`")
        .contains("2 cores, load average 1.5 → 3.9")
        .contains("fsync=off, synchronous_commit=on")
        .contains("`stream-job --trigger-interval=0`");
    assertThat(md).endsWith("- PostgreSQL runs with fsync off.\n");
  }

  @Test
  void rendersAProfileAsSharesOfItsSamplesSideBySide() {
    String md = MarkdownReport.render(report());

    assertThat(md)
        .contains(
            "Profile of ingest-service during its measured rounds (JFR, 200 execution samples");
    assertThat(md)
        .contains(
            "| `ingestion-#` | 60 | `org.postgresql.core.PGStream.receive` | 15 |"
                + " `io.realtimestreaming.ingest.users.UserStore.upsert` | 45 |");
    assertThat(md).contains("| `outbox-relay-#` | 25 |  |  |  |  |");
  }

  @Test
  void leavesOutTheTablesOfSuitesThatDidNotRun() {
    BenchReport none =
        new BenchReport(
            "id",
            "t",
            "./pipeline bench stream",
            List.of("stream"),
            new BenchReport.Machine(2, 1, 1),
            "not measured",
            List.of(),
            List.of(),
            null,
            List.of(),
            0,
            List.of(),
            List.of());

    assertThat(MarkdownReport.render(none))
        .doesNotContain("| end-to-end latency")
        .doesNotContain("| throughput");
  }
}
