package io.realtimestreaming.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.realtimestreaming.model.ingest.IngestClient;
import io.realtimestreaming.model.ingest.RunReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The design's guarantee for one run, checked end to end: the run reconciles (every stored user
 * published or parked, every published one landed or dead-lettered), and Cassandra holds exactly
 * the users PostgreSQL committed for it, field by field, version included: 0 lost, 0 phantom, no
 * duplicate rows.
 */
final class LandedExactly {

  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  /** Where each run's report comes from (a cluster has an API per instance; any will do). */
  private final java.util.function.Function<UUID, RunReport> reports;

  private final RunComparison stores;
  private final DeadLetters deadLetters;

  LandedExactly(IngestClient api, RunComparison stores, DeadLetters deadLetters) {
    this(api::run, stores, deadLetters);
  }

  LandedExactly(
      java.util.function.Function<UUID, RunReport> reports,
      RunComparison stores,
      DeadLetters deadLetters) {
    this.reports = reports;
    this.stores = stores;
    this.deadLetters = deadLetters;
  }

  /**
   * Waits for the run to reconcile, then compares the stores.
   *
   * @return the run as reconciled
   */
  RunReport check(UUID run) throws Exception {
    RunReport report = reconciled(run);
    Map<UUID, Map<String, Object>> committed = stores.committed(run);
    List<Map.Entry<UUID, Map<String, Object>>> rows = stores.rows(committed.keySet());

    assertThat(committed).isNotEmpty();
    assertThat(stores.landed(run)).as("users the ledger says landed").isEqualTo(committed.keySet());
    assertThat(rows).extracting(Map.Entry::getKey).doesNotHaveDuplicates();
    assertThat(rows.stream().map(Map.Entry::getKey).collect(Collectors.toSet()))
        .isEqualTo(committed.keySet());
    for (Map.Entry<UUID, Map<String, Object>> row : rows) {
      assertThat(row.getValue()).as("user %s", row.getKey()).isEqualTo(committed.get(row.getKey()));
    }
    assertThat(stores.deadLettered(run)).as("dead letters of the run").isEmpty();
    Set<String> ids = committed.keySet().stream().map(UUID::toString).collect(Collectors.toSet());
    assertThat(deadLetters.keysSinceMark())
        .as("dead letters of good users")
        .doesNotContainAnyElementsOf(ids);
    assertAccountedFor(report);
    return report;
  }

  /**
   * The guarantee for runs that ingested some users more than once (a run retried with its seed):
   * every run reconciles, and Cassandra holds exactly the users PostgreSQL committed for them, each
   * at its newest version, field by field; every user a run's ledger says landed is one of them.
   *
   * @return the runs as reconciled
   */
  List<RunReport> checkAll(List<UUID> runs) throws Exception {
    List<RunReport> reports = new java.util.ArrayList<>();
    Map<UUID, Map<String, Object>> committed = new java.util.HashMap<>();
    Set<UUID> landed = new java.util.HashSet<>();
    for (UUID run : runs) {
      RunReport report = reconciled(run);
      assertAccountedFor(report);
      reports.add(report);
      committed.putAll(stores.committed(run));
      landed.addAll(stores.landed(run));
      assertThat(stores.deadLettered(run)).as("dead letters of run %s", run).isEmpty();
    }
    List<Map.Entry<UUID, Map<String, Object>>> rows = stores.rows(committed.keySet());

    assertThat(committed).isNotEmpty();
    assertThat(landed)
        .as("users the ledgers say landed (no phantom, none lost)")
        .isEqualTo(committed.keySet());
    assertThat(rows).extracting(Map.Entry::getKey).doesNotHaveDuplicates();
    assertThat(rows.stream().map(Map.Entry::getKey).collect(Collectors.toSet()))
        .isEqualTo(committed.keySet());
    for (Map.Entry<UUID, Map<String, Object>> row : rows) {
      assertThat(row.getValue())
          .as("user %s, newest version", row.getKey())
          .isEqualTo(committed.get(row.getKey()));
    }
    Set<String> ids = committed.keySet().stream().map(UUID::toString).collect(Collectors.toSet());
    assertThat(deadLetters.keysSinceMark())
        .as("dead letters of good users")
        .doesNotContainAnyElementsOf(ids);
    return reports;
  }

  private RunReport reconciled(UUID run) {
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofSeconds(2))
        // clients reconnect after an outage like any client: retry
        .ignoreExceptions()
        .until(() -> reports.apply(run).caughtUp());
    return reports.apply(run);
  }

  private static void assertAccountedFor(RunReport report) {
    assertThat(report.published())
        .as("run %s: published = landed + dead-lettered", report.id())
        .isEqualTo(report.landed() + report.deadLettered());
    assertThat(report.stored())
        .as("run %s: stored = published + parked", report.id())
        .isEqualTo(report.published() + report.parked());
  }
}
