package io.realtimestreaming.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.realtimestreaming.model.ingest.IngestClient;
import io.realtimestreaming.model.ingest.RunReport;
import io.realtimestreaming.testing.RealServices;
import io.realtimestreaming.testing.ServiceEndpoints;
import io.realtimestreaming.testing.ServiceKind;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run never stays RUNNING after its instance has gone. A stop fails the run in progress and the
 * queued one; a killed process cannot, so the instance fails what it left RUNNING when it starts
 * again, and leaves other instances' runs alone.
 */
@RealServices({
  ServiceKind.POSTGRES,
  ServiceKind.KAFKA,
  ServiceKind.REGISTRY,
  ServiceKind.RANDOMUSER
})
class UnfinishedRunsIT {

  private static final String INSTANCE = "ingest-it-a";

  private RestartableService service;

  /** One run at a time, paced to two pages of 100 a second. */
  @BeforeEach
  void oneSlowRunAtATime(ServiceEndpoints endpoints) {
    service =
        new RestartableService(
            endpoints,
            Map.of(
                "ingest.runs.instance-id", INSTANCE,
                "ingest.runs.concurrency", "1",
                "ingest.randomuser.page-size", "100",
                "ingest.randomuser.rate-budget.users", "200",
                "ingest.randomuser.rate-budget.period", "1s"));
  }

  @AfterEach
  void cleanUp() {
    service.cleanUp();
  }

  @Test
  void aStopFailsTheRunInProgressAndTheQueuedOne() {
    UUID executing;
    UUID queued;
    try (ConfigurableApplicationContext context = service.start()) {
      IngestClient api = ServiceUnderTest.client(ServiceUnderTest.port(context));
      // the first run is still executing at the stop, and the second waits for it
      executing = api.start(100_000, "unfinished-" + UUID.randomUUID());
      queued = api.start(100, "unfinished-" + UUID.randomUUID());
      await().atMost(Duration.ofMinutes(1)).until(() -> api.run(executing).stored() > 0);
    }

    JdbcTemplate db = service.db();
    assertThat(run(db, executing)).containsEntry("status", "FAILED");
    assertThat((String) run(db, executing).get("error"))
        .startsWith("the service stopped during the run");
    assertThat(run(db, queued))
        .containsEntry("status", "FAILED")
        .containsEntry("error", "the service stopped before the run started")
        .containsEntry("fetched", 0);
  }

  @Test
  void anInstanceFailsTheRunsItLeftRunningWhenItStartsAgain() {
    try (ConfigurableApplicationContext context = service.start()) {
      // the schema exists now; stop at once
    }
    JdbcTemplate db = service.db();
    // what a killed process leaves: its runs RUNNING, and another instance's run executing
    UUID killed = insertRunning(db, INSTANCE);
    UUID otherInstances = insertRunning(db, "ingest-it-b");

    try (ConfigurableApplicationContext context = service.start()) {
      IngestClient api = ServiceUnderTest.client(ServiceUnderTest.port(context));
      RunReport failed = AwaitRun.ended(api, killed, Duration.ofSeconds(30));
      assertThat(failed.status()).isEqualTo("FAILED");
      assertThat(failed.error()).contains("instance " + INSTANCE + " stopped before the run ended");
      assertThat(run(db, killed).get("finished_at")).isNotNull();
      assertThat(run(db, otherInstances)).containsEntry("status", "RUNNING");

      RunReport fresh =
          AwaitRun.published(
              api, api.start(100, "unfinished-" + UUID.randomUUID()), Duration.ofMinutes(1));
      assertThat(fresh.status()).isEqualTo("SUCCEEDED");
    }
  }

  private static UUID insertRunning(JdbcTemplate db, String owner) {
    UUID id = UUID.randomUUID();
    OffsetDateTime minuteAgo = OffsetDateTime.now().minusMinutes(1);
    db.update(
        "insert into ingestion_runs (id, status, seed, requested, started_at, updated_at, owner)"
            + " values (?, 'RUNNING', 's', 10, ?, ?, ?)",
        id,
        minuteAgo,
        minuteAgo,
        owner);
    return id;
  }

  private static Map<String, Object> run(JdbcTemplate db, UUID run) {
    return db.queryForMap(
        "select status, error, fetched, finished_at from ingestion_runs where id = ?", run);
  }
}
