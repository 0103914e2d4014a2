package io.realtimestreaming.ingest.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.realtimestreaming.model.cql.ContactPoints;
import io.realtimestreaming.model.cql.CqlScript;
import io.realtimestreaming.testing.RealServices;
import io.realtimestreaming.testing.RepositoryRoot;
import io.realtimestreaming.testing.ServiceEndpoints;
import io.realtimestreaming.testing.ServiceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stream job's ledger as the run view reads it, on the real Cassandra and the real schema
 * (cassandra/schema.cql): events come in packs, and an event packed twice (a retried stream batch)
 * counts once.
 */
@RealServices(ServiceKind.CASSANDRA)
class LandingLedgerIT {

  private static final UUID RUN = UUID.randomUUID();

  private CqlSession cql;
  private String users;
  private String outcomes;
  private LandingLedger ledger;

  @BeforeEach
  void scratchTables(ServiceEndpoints endpoints) throws IOException {
    String suffix = Long.toHexString(System.nanoTime());
    users = "created_users_ledger_it_" + suffix;
    outcomes = "run_outcomes_it_" + suffix;
    cql =
        CqlSession.builder()
            .addContactPoints(ContactPoints.parse(List.of(endpoints.cassandraContactPoint())))
            .withLocalDatacenter(endpoints.cassandraLocalDatacenter())
            .withConfigLoader(
                DriverConfigLoader.programmaticBuilder()
                    // DDL waits for schema agreement, slow on a busy shared node
                    .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                    .build())
            .build();
    String schema = Files.readString(RepositoryRoot.find().resolve("cassandra/schema.cql"));
    CqlScript.parse(schema)
        .withTable("created_users", users)
        .withTable("run_outcomes", outcomes)
        .statements()
        .forEach(cql::execute);
    ledger =
        new LandingLedger(
            new LedgerProperties(
                List.of(endpoints.cassandraContactPoint()),
                endpoints.cassandraLocalDatacenter(),
                "spark_streams",
                outcomes,
                "LOCAL_QUORUM",
                Duration.ofSeconds(10)));
  }

  @AfterEach
  void drop() {
    ledger.destroy();
    cql.execute("DROP TABLE IF EXISTS spark_streams." + users);
    cql.execute("DROP TABLE IF EXISTS spark_streams." + outcomes);
    cql.close();
  }

  @Test
  void countsEachEventOnceWhateverPacksItCameIn() {
    UUID ann = UUID.randomUUID();
    UUID bob = UUID.randomUUID();
    UUID cid = UUID.randomUUID();
    UUID poisoned = UUID.randomUUID();
    pack(RUN, "landed", List.of(ann, bob), List.of(1L, 2L), null);
    pack(RUN, "landed", List.of(bob, cid), List.of(2L, 3L), null); // bob again: a retried batch
    pack(RUN, "landed", List.of(ann), List.of(9L), null); // ann at a newer version
    pack(RUN, "dead_lettered", List.of(poisoned), List.of(4L), List.of("invalid field email"));
    pack(UUID.randomUUID(), "landed", List.of(UUID.randomUUID()), List.of(5L), null);

    assertThat(ledger.counts(RUN)).isEqualTo(new LandingLedger.Counts(4, 1));
    assertThat(ledger.recordedUsers(RUN)).isEqualTo(Set.of(ann, bob, cid, poisoned));
    assertThat(ledger.counts(UUID.randomUUID())).isEqualTo(new LandingLedger.Counts(0, 0));
  }

  private void pack(
      UUID run, String outcome, List<UUID> userIds, List<Long> versions, List<String> reasons) {
    cql.execute(
        "INSERT INTO spark_streams."
            + outcomes
            + " (ingestion_run_id, outcome, pack, user_ids, versions, reasons, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        run,
        outcome,
        UUID.randomUUID(),
        userIds,
        versions,
        reasons,
        Instant.now());
  }
}
