package io.realtimestreaming.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import io.realtimestreaming.devstack.cql.CqlSessions;
import io.realtimestreaming.model.ingest.IngestApiException;
import io.realtimestreaming.model.ingest.RunReport;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's server killed mid-run, through the built jars: while it is away the API answers 503
 * (not a bare 500) and the stack says PostgreSQL is down; {@code ./pipeline up} restarts it; the
 * run ends FAILED with its reason (never left RUNNING), every page it committed lands exactly, and
 * the next run succeeds.
 */
class PostgresKilledIT {

  private static RunningPipeline pipeline;
  private static CqlSession cassandra;
  private static LandedExactly landedExactly;
  private static DeadLetters deadLetters;

  @BeforeAll
  static void startPipeline() throws Exception {
    pipeline = new RunningPipeline();
    pipeline.up();
    cassandra = CqlSessions.open(pipeline.settings);
    deadLetters = new DeadLetters(pipeline.settings.kafkaBootstrapServers());
    landedExactly =
        new LandedExactly(
            pipeline.api, new RunComparison(pipeline.settings, cassandra), deadLetters);
  }

  @AfterAll
  static void closeClients() {
    if (cassandra != null) {
      cassandra.close();
    }
  }

  @Test
  void aRunWhoseDatabaseDiesEndsFailedWithItsReasonAndLosesNothing() throws Exception {
    deadLetters.markEnd();
    // the offline source answers each page after 5 s (fault slow): the run is mid-way for sure
    UUID run = pipeline.api.start(20_000, "e2e-pg-" + UUID.randomUUID() + ".fault-slow");
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> pipeline.api.run(run).stored() > 0);

    pipeline.killPostgresServer();

    IngestApiException unavailable =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            IngestApiException.class, () -> pipeline.api.run(run));
    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(unavailable.getMessage()).contains("PostgreSQL", "try again in");
    assertThat(pipeline.state("postgres")).startsWith("down (its server died");

    pipeline.up("postgres");

    RunReport ended =
        await()
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofSeconds(1))
            .ignoreExceptions()
            .until(() -> pipeline.api.run(run), RunReport::finished);
    assertThat(ended.status()).isEqualTo("FAILED");
    assertThat(ended.error()).isNotBlank();
    RunReport reconciled = landedExactly.check(run);
    assertThat(reconciled.stored()).isBetween(1, 19_999);

    UUID next = pipeline.api.start(2_000, "e2e-pg-after-" + UUID.randomUUID());
    RunReport after = landedExactly.check(next);
    assertThat(after.status()).isEqualTo("SUCCEEDED");
    assertThat(after.landed()).isEqualTo(2_000);
  }
}
