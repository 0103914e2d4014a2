package io.realtimestreaming.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.realtimestreaming.devstack.cql.CqlSessions;
import io.realtimestreaming.model.ingest.RunReport;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bad record costs only itself, through the built jars: a run of 10,000 users from the offline
 * source's {@code mixed} fault (every kind of record the user contract refuses, repeats within and
 * across pages) ends SUCCEEDED with every bad record counted by its reason, every good user in
 * Cassandra exactly as PostgreSQL committed it, and the reconciliation identities holding; a clean
 * run right after it lands in full.
 */
class MixedBatchIT {

  private static final int USERS = 10_000;

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
  void everyBadRecordIsCountedWithItsReasonAndEveryGoodUserLands() throws Exception {
    deadLetters.markEnd();
    UUID mixed = pipeline.api.start(USERS, "e2e-" + UUID.randomUUID() + ".fault-mixed");
    System.out.println("mixed ingestion run " + mixed);

    RunReport run = landedExactly.check(mixed);

    // two pages of 5,000: every tenth record bad (ten kinds, 100 each), every tenth from index 5
    // a repeat within its page, and one repeat of page 1 on page 2 (see randomuser-local)
    assertThat(run.status()).isEqualTo("SUCCEEDED");
    assertThat(run.fetched()).isEqualTo(USERS);
    assertThat(run.reconciliation().rejectedByReason())
        .isEqualTo(
            Map.of(
                "missing_field", 200,
                "invalid_uuid", 100,
                "invalid_timestamp", 100,
                "invalid_character", 300,
                "invalid_email", 100,
                "timestamp_out_of_range", 100,
                "field_too_long", 1,
                "record_too_large", 99));
    assertThat(run.rejected()).isEqualTo(1_000);
    assertThat(run.duplicates()).isEqualTo(1_001);
    assertThat(run.stored()).isEqualTo(7_999);
    assertThat(run.fetched()).isEqualTo(run.rejected() + run.stored() + run.duplicates());
    assertThat(run.parked()).isZero();
    assertThat(run.landed()).isEqualTo(7_999);
    assertThat(run.deadLettered()).isZero();
    assertThat(pipeline.api.pending(mixed, 10)).isEmpty();

    deadLetters.markEnd();
    UUID clean = pipeline.api.start(2_000, "e2e-clean-" + UUID.randomUUID());

    RunReport after = landedExactly.check(clean);

    assertThat(after.status()).isEqualTo("SUCCEEDED");
    assertThat(after.stored()).isEqualTo(2_000);
    assertThat(after.published()).isEqualTo(2_000);
    assertThat(after.landed()).isEqualTo(2_000);
  }
}
