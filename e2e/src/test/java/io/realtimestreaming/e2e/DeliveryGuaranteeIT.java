package io.realtimestreaming.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import io.realtimestreaming.devstack.cql.CqlSessions;
import io.realtimestreaming.devstack.demo.RunProgress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The design's guarantee, end to end with the built jars as processes: every user committed to
 * PostgreSQL reaches Cassandra exactly once in effect, with the same field values, through crashes
 * and outages of each component. Each test ingests 10,000 users of its own seed and compares the
 * run's rows in both stores.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryGuaranteeIT {

  private static final int USERS = 10_000;
  private static final Duration LANDING_TIMEOUT = Duration.ofMinutes(5);

  private static RunningPipeline pipeline;
  private static CqlSession cassandra;
  private static RunComparison stores;
  private static DeadLetters deadLetters;

  @BeforeAll
  static void startPipeline() {
    pipeline = new RunningPipeline();
    pipeline.up();
    cassandra = CqlSessions.open(pipeline.settings);
    stores = new RunComparison(pipeline.settings, cassandra);
    deadLetters = new DeadLetters(pipeline.settings.kafkaBootstrapServers());
  }

  @AfterAll
  static void closeClients() {
    if (cassandra != null) {
      cassandra.close();
    }
  }

  @BeforeEach
  void everythingRuns() {
    pipeline.up();
    deadLetters.markEnd();
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void tenThousandUsersLandWithTheirCommittedValues() throws Exception {
    UUID run = startRun();

    assertLandedExactly(run, true);
  }

  @Test
  @org.junit.jupiter.api.Order(2)
  void ingestServiceKilledWhilePublishing() throws Exception {
    UUID run = startRun();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> progress(run).published() > 0);

    pipeline.kill("ingest-service");
    pipeline.up("ingest-service");

    // The killed run stops where it was (a SIGKILL leaves it RUNNING: nothing marks it); what
    // matters is that every page it committed, and so every outbox row, reaches Cassandra.
    assertLandedExactly(run, false);
  }

  @Test
  @org.junit.jupiter.api.Order(3)
  void streamJobKilledMidBatch() throws Exception {
    UUID run = startRun();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> stores.landedCount(run) > 0);

    pipeline.kill("stream-job");
    pipeline.up("stream-job");

    assertLandedExactly(run, true);
  }

  @Test
  @org.junit.jupiter.api.Order(4)
  void kafkaStoppedForThirtySeconds() throws Exception {
    UUID run = startRun();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> progress(run).published() > 0);

    pipeline.stop("kafka");
    TimeUnit.SECONDS.sleep(30);
    pipeline.up("kafka");

    assertLandedExactly(run, true);
  }

  @Test
  @org.junit.jupiter.api.Order(5)
  void cassandraStoppedForThirtySeconds() throws Exception {
    UUID run = startRun();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> stores.landedCount(run) > 0);

    pipeline.stop("cassandra");
    TimeUnit.SECONDS.sleep(30);
    pipeline.up("cassandra");

    assertLandedExactly(run, true);
  }

  private static UUID startRun() throws Exception {
    UUID run = pipeline.api.start(USERS, "e2e-" + UUID.randomUUID());
    System.out.println("ingestion run " + run);
    return run;
  }

  private static RunProgress progress(UUID run) throws Exception {
    return pipeline.api.status(run);
  }

  /**
   * 0 lost, 0 phantom, no duplicate rows, every field equal, nothing of the run dead-lettered.
   *
   * @param complete whether the run must have stored all its users (false when it was killed)
   */
  private static void assertLandedExactly(UUID run, boolean complete) throws Exception {
    await()
        .atMost(LANDING_TIMEOUT)
        .pollInterval(Duration.ofSeconds(2))
        // the test's own Cassandra session reconnects after an outage like any client: retry
        .ignoreExceptions()
        .until(
            () ->
                (!complete || progress(run).finished())
                    && progress(run).published() >= stores.committed(run).size()
                    && stores.landedCount(run) >= stores.committed(run).size());

    Map<java.util.UUID, Map<String, Object>> committed = stores.committed(run);
    List<Map.Entry<UUID, Map<String, Object>>> landed = stores.landed(run);
    if (complete) {
      assertThat(progress(run).status()).isEqualTo("SUCCEEDED");
      assertThat(committed).hasSize(USERS);
    } else {
      assertThat(committed).isNotEmpty();
    }
    assertThat(landed).extracting(Map.Entry::getKey).doesNotHaveDuplicates();
    assertThat(landed.stream().map(Map.Entry::getKey).collect(Collectors.toSet()))
        .isEqualTo(committed.keySet());
    for (Map.Entry<UUID, Map<String, Object>> row : landed) {
      assertThat(row.getValue()).as("user %s", row.getKey()).isEqualTo(committed.get(row.getKey()));
    }
    Set<String> runIds =
        committed.keySet().stream().map(UUID::toString).collect(Collectors.toSet());
    assertThat(deadLetters.keysSinceMark())
        .as("dead letters of good users")
        .doesNotContainAnyElementsOf(runIds);
  }
}
