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

  private final IngestClient api;
  private final RunComparison stores;
  private final DeadLetters deadLetters;

  LandedExactly(IngestClient api, RunComparison stores, DeadLetters deadLetters) {
    this.api = api;
    this.stores = stores;
    this.deadLetters = deadLetters;
  }

  /**
   * Waits for the run to reconcile, then compares the stores.
   *
   * @return the run as reconciled
   */
  RunReport check(UUID run) throws Exception {
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofSeconds(2))
        // clients reconnect after an outage like any client: retry
        .ignoreExceptions()
        .until(() -> api.run(run).caughtUp());
    RunReport report = api.run(run);
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
    assertThat(report.published()).isEqualTo(report.landed() + report.deadLettered());
    assertThat(report.stored()).isEqualTo(report.published() + report.parked());
    return report;
  }
}
