package io.realtimestreaming.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import io.realtimestreaming.devstack.cql.CqlSessions;
import io.realtimestreaming.model.ingest.RunReport;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
  private static LandedExactly landedExactly;

  @BeforeAll
  static void startPipeline() throws Exception {
    pipeline = new RunningPipeline();
    pipeline.up();
    cassandra = CqlSessions.open(pipeline.settings);
    stores = new RunComparison(pipeline.settings, cassandra);
    deadLetters = new DeadLetters(pipeline.settings.kafkaBootstrapServers());
    landedExactly = new LandedExactly(pipeline.api, stores, deadLetters);
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

    // The killed run ends FAILED when the instance starts again; what matters is that every page
    // it committed, and so every outbox row, reaches Cassandra.
    assertLandedExactly(run, false);
  }

  @Test
  @org.junit.jupiter.api.Order(3)
  void streamJobKilledMidBatch() throws Exception {
    UUID run = startRun();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> progress(run).landed() > 0);

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
        .until(() -> progress(run).landed() > 0);

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

  private static RunReport progress(UUID run) {
    return pipeline.api.run(run);
  }

  /**
   * The run reconciles and Cassandra holds exactly what PostgreSQL committed for it.
   *
   * @param complete whether the run must have stored all its users (false when it was killed)
   */
  private static void assertLandedExactly(UUID run, boolean complete) throws Exception {
    RunReport report = landedExactly.check(run);
    if (complete) {
      assertThat(report.status()).isEqualTo("SUCCEEDED");
      assertThat(report.stored()).isEqualTo(USERS);
      assertThat(stores.committed(run)).hasSize(USERS);
    }
  }
}
