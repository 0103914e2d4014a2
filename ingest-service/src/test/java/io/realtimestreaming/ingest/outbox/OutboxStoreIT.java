package io.realtimestreaming.ingest.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.ingest.ServiceUnderTest;
import io.realtimestreaming.model.User;
import io.realtimestreaming.testing.RealServices;
import io.realtimestreaming.testing.ServiceEndpoints;
import io.realtimestreaming.testing.ServiceKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The outbox table on the real PostgreSQL: a page's events go in as one row and come back out in
 * order; two relays never claim the same row; and upgrading from the row-per-event outbox (V1)
 * keeps every event still waiting, in its order.
 */
@RealServices(ServiceKind.POSTGRES)
class OutboxStoreIT {

  private static final UUID RUN_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID RUN_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

  private ServiceEndpoints endpoints;
  private String schema;
  private String url;
  private JdbcTemplate jdbc;

  @BeforeEach
  void freshSchema(ServiceEndpoints services) {
    endpoints = services;
    schema = ServiceUnderTest.freshName("outbox_it");
    url = ServiceUnderTest.jdbcUrl(services, schema);
    jdbc = ServiceUnderTest.jdbc(services, schema);
  }

  @AfterEach
  void dropSchema() {
    ServiceUnderTest.dropSchema(endpoints, schema);
  }

  @Test
  void aPageIsOneRowAndItsEventsComeBackInOrder() {
    migrate(null);
    OutboxStore store = new OutboxStore(jdbc);
    List<User> page = List.of(user(3), user(1), user(2));

    store.append(RUN_A, page, events(page));
    store.append(RUN_B, List.of(user(9)), events(List.of(user(9))));
    store.append(RUN_B, List.of(), List.of());

    assertThat(jdbc.queryForObject("select count(*) from outbox", Long.class)).isEqualTo(2);
    assertThat(store.backlog()).isEqualTo(4);
    List<OutboxEvent> first = store.claim(1);
    assertThat(first).extracting(OutboxEvent::userId).containsExactly(id(3), id(1), id(2));
    assertThat(first).extracting(OutboxEvent::runId).containsOnly(RUN_A);
    assertThat(first)
        .extracting(OutboxEvent::payload)
        .containsExactly(event(3), event(1), event(2));
    assertThat(first).extracting(OutboxEvent::version).containsExactly(103L, 101L, 102L);
    assertThat(store.claim(5)).extracting(OutboxEvent::userId).containsExactly(id(9));
    assertThat(store.claim(5)).isEmpty();
    assertThat(store.backlog()).isZero();
  }

  @Test
  void aFullPageComesBackWithEachEventsOwnVersion() {
    migrate(null);
    OutboxStore store = new OutboxStore(jdbc);
    List<User> page = IntStream.range(0, 5000).mapToObj(OutboxStoreIT::user).toList();

    store.append(RUN_A, page, events(page));

    List<OutboxEvent> claimed = store.claim(1);
    assertThat(claimed).hasSize(5000);
    for (int i = 0; i < claimed.size(); i++) {
      assertThat(claimed.get(i).userId()).isEqualTo(id(i));
      assertThat(claimed.get(i).version()).isEqualTo(100L + i);
      assertThat(claimed.get(i).payload()).isEqualTo(event(i));
    }
  }

  @Test
  void twoRelaysNeverClaimTheSameRow() throws SQLException {
    migrate(null);
    new OutboxStore(jdbc).append(RUN_A, List.of(user(1)), List.of(event(1)));
    new OutboxStore(jdbc).append(RUN_B, List.of(user(2)), List.of(event(2)));

    try (SingleConnectionDataSource one = transaction();
        SingleConnectionDataSource two = transaction()) {
      List<OutboxEvent> claimedByOne = new OutboxStore(new JdbcTemplate(one)).claim(1);
      List<OutboxEvent> claimedByTwo = new OutboxStore(new JdbcTemplate(two)).claim(1);

      assertThat(claimedByOne).extracting(OutboxEvent::userId).containsExactly(id(1));
      assertThat(claimedByTwo).extracting(OutboxEvent::userId).containsExactly(id(2));
      one.getConnection().rollback(); // a relay that fails puts its row back
      two.getConnection().commit();
    }
    assertThat(new OutboxStore(jdbc).claim(5))
        .extracting(OutboxEvent::userId)
        .containsExactly(id(1));
  }

  @Test
  void upgradingKeepsTheWaitingEventsInTheirOrder() {
    migrate("1");
    String insert = "insert into outbox (run_id, user_id, payload) values (?, ?, ?)";
    jdbc.update(insert, RUN_A, id(1), event(1));
    jdbc.update(insert, RUN_A, id(2), event(2));
    jdbc.update(insert, RUN_B, id(3), event(3));
    jdbc.update(insert, RUN_A, id(4), event(4));

    migrate(null);

    assertThat(jdbc.queryForObject("select count(*) from outbox", Long.class))
        .as("consecutive events of a run share a row")
        .isEqualTo(3);
    List<OutboxEvent> events = new OutboxStore(jdbc).claim(10);
    assertThat(events).extracting(OutboxEvent::userId).containsExactly(id(1), id(2), id(3), id(4));
    assertThat(events).extracting(OutboxEvent::runId).containsExactly(RUN_A, RUN_A, RUN_B, RUN_A);
    assertThat(events)
        .extracting(OutboxEvent::payload)
        .containsExactly(event(1), event(2), event(3), event(4));
    assertThat(events).extracting(OutboxEvent::version).containsOnlyNulls(); // from before V4
  }

  @Test
  void aParkedEventKeepsItsReasonAndCountsOnItsRun() {
    migrate(null);
    jdbc.update(
        "insert into ingestion_runs (id, status, seed, requested, started_at, updated_at)"
            + " values (?, 'SUCCEEDED', 's', 2, now(), now())",
        RUN_A);
    OutboxStore store = new OutboxStore(jdbc);
    store.append(RUN_A, List.of(user(1), user(2)), List.of(event(1), event(2)));
    List<OutboxEvent> claimed = store.claim(1);

    store.countPublished(claimed.subList(0, 1));
    store.park(List.of(new ParkedEvent(claimed.get(1), "RecordTooLargeException: too big")));

    assertThat(jdbc.queryForMap("select published, parked from ingestion_runs where id = ?", RUN_A))
        .containsEntry("published", 1)
        .containsEntry("parked", 1);
    assertThat(jdbc.queryForMap("select user_id, version, payload, reason from outbox_parked"))
        .containsEntry("user_id", id(2))
        .containsEntry("version", 102L)
        .containsEntry("payload", event(2))
        .containsEntry("reason", "RecordTooLargeException: too big");
    assertThat(store.parkedCount()).isEqualTo(1);
    assertThat(store.backlog()).isZero();
  }

  /** Migrates the schema to {@code version}, or to the latest when null. */
  private void migrate(String version) {
    var flyway =
        Flyway.configure()
            .dataSource(url, endpoints.jdbcUsername(), endpoints.jdbcPassword())
            .schemas(schema);
    if (version != null) {
      flyway.target(version);
    }
    flyway.load().migrate();
  }

  private SingleConnectionDataSource transaction() throws SQLException {
    SingleConnectionDataSource dataSource =
        new SingleConnectionDataSource(
            url, endpoints.jdbcUsername(), endpoints.jdbcPassword(), true);
    Connection connection = dataSource.getConnection();
    connection.setAutoCommit(false);
    return dataSource;
  }

  private static UUID id(int n) {
    return UUID.fromString("00000000-0000-4000-8000-%012d".formatted(n));
  }

  private static byte[] event(int n) {
    return new byte[] {0, 0, 0, 0, 1, (byte) n};
  }

  private static List<byte[]> events(List<User> users) {
    return users.stream().map(u -> event((int) (u.version() - 100))).toList();
  }

  private static User user(int n) {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return new User(
        id(n), "F", "L", null, null, null, "e@x", "u" + n, t, t, null, null, null, RUN_A, t,
        100 + n);
  }
}
