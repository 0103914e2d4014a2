package io.realtimestreaming.stream.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.realtimestreaming.stream.StreamFixture;
import io.realtimestreaming.stream.settings.CassandraTarget;
import io.realtimestreaming.testing.RealServices;
import io.realtimestreaming.testing.ServiceEndpoints;
import io.realtimestreaming.testing.ServiceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The run ledger's writes against the real Cassandra: what a run's reconciliation reads back. */
@RealServices(ServiceKind.CASSANDRA)
class RunLedgerWriterIT {

  /** Cassandra's trace line for a read: "Read 120 live rows and 0 tombstone cells ...". */
  private static final Pattern READ_TRACE =
      Pattern.compile("Read (\\d+) live rows and (\\d+) tombstone cells");

  CqlSession cql;
  CassandraTarget target;

  @BeforeEach
  void session(ServiceEndpoints endpoints) {
    cql = StreamFixture.cqlSession(endpoints);
    CassandraTarget scratch = StreamFixture.scratchTarget(endpoints, 8);
    target =
        new CassandraTarget(
            scratch.contactPoints(),
            scratch.localDatacenter(),
            scratch.keyspace(),
            scratch.table(),
            scratch.table().replace("created_users", "run_outcomes"),
            scratch.consistency(),
            scratch.maxInFlight());
    CassandraSchema.apply(cql, target, null, "");
  }

  @AfterEach
  void drop() {
    cql.execute("DROP TABLE IF EXISTS " + target.qualifiedTable());
    cql.execute("DROP TABLE IF EXISTS " + target.qualifiedLedgerTable());
    cql.close();
  }

  @Test
  void aRunsEventsReadBackPackedWithTheirReasonsAndLandedPacksLeaveNoTombstones() {
    UUID run = UUID.randomUUID();
    List<LedgerEntry> entries = new ArrayList<>();
    List<UUID> landedUsers = new ArrayList<>();
    List<Long> landedVersions = new ArrayList<>();
    for (int i = 0; i < 2 * RunLedgerWriter.EVENTS_PER_PACK + 20; i++) {
      UUID user = UUID.randomUUID();
      entries.add(LedgerEntry.landed(run, user, 1_000 + i));
      landedUsers.add(user);
      landedVersions.add(1_000L + i);
    }
    UUID poisoned = UUID.randomUUID();
    entries.add(LedgerEntry.deadLettered(run, poisoned, 7, "invalid field email"));
    UUID otherRun = UUID.randomUUID();
    entries.add(LedgerEntry.landed(otherRun, UUID.randomUUID(), 5));
    Instant recordedAt = Instant.parse("2026-12-02T10:00:00.250Z");

    new RunLedgerWriter(cql, target, recordedAt).writeAll(entries);
    new RunLedgerWriter(cql, target, recordedAt).writeAll(entries); // a retried flush

    List<Row> packs =
        cql.execute(
                "SELECT outcome, user_ids, versions, reasons, recorded_at FROM "
                    + target.qualifiedLedgerTable()
                    + " WHERE ingestion_run_id = ?",
                run)
            .all();
    // the run's 2,020 landed events in three packs, its dead letter in one; written twice, the
    // same rows
    assertThat(packs).hasSize(4);
    assertThat(packs)
        .allSatisfy(p -> assertThat(p.getInstant("recorded_at")).isEqualTo(recordedAt));
    List<Row> landed =
        packs.stream().filter(p -> p.getString("outcome").equals(LedgerEntry.LANDED)).toList();
    assertThat(landed)
        .allSatisfy(
            p -> assertThat(p.isNull("reasons")).as("a landed pack has no reasons").isTrue());
    assertThat(landed.stream().flatMap(p -> p.getList("user_ids", UUID.class).stream()))
        .containsExactlyInAnyOrderElementsOf(landedUsers);
    assertThat(landed.stream().flatMap(p -> p.getList("versions", Long.class).stream()))
        .containsExactlyInAnyOrderElementsOf(landedVersions);
    for (Row pack : landed) {
      List<UUID> users = pack.getList("user_ids", UUID.class);
      List<Long> versions = pack.getList("versions", Long.class);
      assertThat(versions).hasSameSizeAs(users);
      for (int i = 0; i < users.size(); i++) {
        int at = landedUsers.indexOf(users.get(i));
        assertThat(versions.get(i))
            .as("the version beside its user")
            .isEqualTo(landedVersions.get(at));
      }
    }
    assertThat(packs)
        .filteredOn(p -> p.getString("outcome").equals(LedgerEntry.DEAD_LETTERED))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getList("user_ids", UUID.class)).containsExactly(poisoned);
              assertThat(p.getList("versions", Long.class)).containsExactly(7L);
              assertThat(p.getList("reasons", String.class)).containsExactly("invalid field email");
            });

    // What a reconciliation reads: every pack live, no tombstone cell to step over (a bound null
    // reasons would leave one per landed pack).
    assertThat(tracedRead(run)).isEqualTo(List.of(4L, 0L));
  }

  /** Reads the run's partition with tracing on: Cassandra's count of live rows and tombstones. */
  private List<Long> tracedRead(UUID run) {
    UUID traceId =
        cql.execute(
                SimpleStatement.newInstance(
                        "SELECT * FROM "
                            + target.qualifiedLedgerTable()
                            + " WHERE ingestion_run_id = ?",
                        run)
                    .setTracing(true))
            .getExecutionInfo()
            .getTracingId();
    // trace events are written asynchronously, after the read answered
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              for (Row event :
                  cql.execute(
                      "SELECT activity FROM system_traces.events WHERE session_id = ?", traceId)) {
                Matcher read = READ_TRACE.matcher(event.getString(0));
                if (read.find()) {
                  return List.of(Long.parseLong(read.group(1)), Long.parseLong(read.group(2)));
                }
              }
              return null;
            },
            counts -> counts != null);
  }
}
