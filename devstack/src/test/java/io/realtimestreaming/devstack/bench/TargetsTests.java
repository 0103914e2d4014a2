package io.realtimestreaming.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTests {

  private static final Throughput PG_BATCH =
      new Throughput("raw PostgreSQL batched insert", 100_000, 2.0); // 50k/s
  private static final Throughput CASSANDRA =
      new Throughput("raw Cassandra async insert", 100_000, 10.0); // 10k/s

  @Test
  void streamMeetsItsTargetAtExactlyEightTenthsOfRawCassandra() {
    Throughput stream = new Throughput("pipeline stream", 80_000, 10.0); // 8k/s

    List<TargetCheck> checks = Targets.evaluate(PG_BATCH, CASSANDRA, null, stream, null);

    assertThat(checks)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.met()).isTrue();
              assertThat(c.measured())
                  .isEqualTo("0.80× raw Cassandra async insert (8,000 vs 10,000 rows/s)");
            });
  }

  @Test
  void streamFallsShortBelowEightTenths() {
    Throughput stream = new Throughput("pipeline stream", 79_000, 10.0);

    assertThat(Targets.evaluate(PG_BATCH, CASSANDRA, null, stream, null))
        .singleElement()
        .extracting(TargetCheck::met)
        .isEqualTo(false);
  }

  @Test
  void ingestIsComparedWithTheBatchedInsert() {
    Throughput ingest = new Throughput("pipeline ingest", 100_000, 4.0); // 25k/s = 0.5×

    TargetCheck check = Targets.evaluate(PG_BATCH, CASSANDRA, ingest, null, null).get(0);

    assertThat(check.target()).contains("0.6× raw PostgreSQL batched insert");
    assertThat(check.met()).isFalse();
    assertThat(check.measured()).startsWith("0.50×");
  }

  @Test
  void p99OfTheOfferedLoadMustStayWithinOneSecond() {
    LatencySummary fast =
        new LatencySummary(
            "1,000 users/s offered", "PostgreSQL commit", 30_000, 300, 700, 1000, 1500);
    LatencySummary slow =
        new LatencySummary(
            "1,000 users/s offered", "PostgreSQL commit", 30_000, 300, 700, 1001, 1500);

    assertThat(Targets.evaluate(null, null, null, null, fast).get(0).met()).isTrue();
    assertThat(Targets.evaluate(null, null, null, null, slow).get(0))
        .satisfies(c -> assertThat(c.met()).isFalse())
        .satisfies(c -> assertThat(c.measured()).isEqualTo("p99 1,001 ms (limit 1,000 ms)"));
  }

  @Test
  void aTargetWhosePhasesDidNotRunIsLeftOut() {
    assertThat(Targets.evaluate(PG_BATCH, CASSANDRA, null, null, null)).isEmpty();
  }
}
