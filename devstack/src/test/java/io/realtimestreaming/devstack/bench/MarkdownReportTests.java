package io.realtimestreaming.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTests {

  private static BenchReport report() {
    return new BenchReport(
        "20261125-151500",
        "2026-11-25T15:15:00Z",
        "./pipeline bench",
        200_000,
        "2 cores, load average 1.5 → 3.9",
        "fsync=off, synchronous_commit=off",
        List.of(
            new Throughput("raw PostgreSQL COPY", 200_000, 2.5),
            new Throughput("pipeline stream (Kafka → Cassandra)", 200_000, 25.0)),
        new ProducerPerformanceSummary(200_000, 150_000.0, 71.5, 20.0, 300.0, 12, 80, 150),
        List.of(
            new LatencySummary(
                "1,000 users/s offered", "PostgreSQL commit", 30_000, 420, 800, 1250, 2000)),
        List.of(
            new TargetCheck("p99 ≤ 1 s at 1,000 users/s", "p99 1,250 ms (limit 1,000 ms)", false),
            new TargetCheck("stream ≥ 0.8× raw Cassandra", "0.90× raw Cassandra", true)),
        List.of(
            new HotMethods(
                "ingest-service",
                "ingesting",
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
  void rendersAThroughputRowPerPhaseWithGroupedFigures() {
    String md = MarkdownReport.render(report());

    assertThat(md).contains("| raw PostgreSQL COPY | 200,000 | 2.5 | 80,000 |");
    assertThat(md).contains("| pipeline stream (Kafka → Cassandra) | 200,000 | 25.0 | 8,000 |");
  }

  @Test
  void rendersLatencyPercentilesAndWhereTheyAreMeasuredFrom() {
    assertThat(MarkdownReport.render(report()))
        .contains(
            "| 1,000 users/s offered | 30,000 | 420 ms | 800 ms | 1,250 ms | 2,000 ms | PostgreSQL commit → row written to Cassandra |");
  }

  @Test
  void marksATargetMissedInBoldAndOneMetPlainly() {
    String md = MarkdownReport.render(report());

    assertThat(md)
        .contains("| p99 ≤ 1 s at 1,000 users/s | p99 1,250 ms (limit 1,000 ms) | **no** |");
    assertThat(md).contains("| stream ≥ 0.8× raw Cassandra | 0.90× raw Cassandra | yes |");
  }

  @Test
  void statesTheCommandTheDurabilityAndTheNotes() {
    String md = MarkdownReport.render(report());

    assertThat(md).contains("`./pipeline bench`").contains("fsync=off, synchronous_commit=off");
    assertThat(md).contains("p50 12 ms, p95 80 ms, p99 150 ms");
    assertThat(md).endsWith("- PostgreSQL runs with fsync off.\n");
  }

  @Test
  void rendersAProfileAsSharesOfItsSamplesSideBySide() {
    String md = MarkdownReport.render(report());

    assertThat(md)
        .contains("Profile of ingest-service while ingesting (JFR, 200 execution samples");
    assertThat(md)
        .contains(
            "| `ingestion-#` | 60 | `org.postgresql.core.PGStream.receive` | 15 | `io.realtimestreaming.ingest.users.UserStore.upsert` | 45 |");
    assertThat(md).contains("| `outbox-relay-#` | 25 |  |  |  |  |");
  }

  @Test
  void leavesOutTheTablesOfPhasesThatDidNotRun() {
    BenchReport raw =
        new BenchReport(
            "id",
            "t",
            "./pipeline bench --raw-only",
            1000,
            "m",
            "d",
            List.of(new Throughput("raw Kafka produce", 1000, 1.0)),
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of());

    assertThat(MarkdownReport.render(raw)).doesNotContain("latency").doesNotContain("| target |");
  }
}
