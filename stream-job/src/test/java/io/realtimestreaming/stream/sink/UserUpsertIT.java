package io.realtimestreaming.stream.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import io.realtimestreaming.model.User;
import io.realtimestreaming.stream.StreamFixture;
import io.realtimestreaming.stream.TestUsers;
import io.realtimestreaming.stream.settings.CassandraTarget;
import io.realtimestreaming.testing.RealServices;
import io.realtimestreaming.testing.ServiceEndpoints;
import io.realtimestreaming.testing.ServiceKind;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The prepared upsert against the real Cassandra: what it binds is what a row reads back. */
@RealServices(ServiceKind.CASSANDRA)
class UserUpsertIT {

  CqlSession cql;
  CassandraTarget target;

  @BeforeEach
  void session(ServiceEndpoints endpoints) {
    cql = StreamFixture.cqlSession(endpoints);
    target = StreamFixture.scratchTarget(endpoints, 8);
  }

  @AfterEach
  void drop() {
    cql.execute("DROP TABLE IF EXISTS " + target.qualifiedTable());
    cql.close();
  }

  @Test
  void aBoundUserReadsBackWithItsValuesAndItsNullFields() {
    CassandraSchema.apply(cql, target, null, "");
    User full = TestUsers.user(1);
    User sparse =
        new User(
            UUID.randomUUID(),
            "Ann",
            "Lee",
            null,
            null,
            null,
            "ann@example.com",
            "ann",
            Instant.parse("1990-01-01T00:00:00Z"),
            Instant.parse("2015-01-01T00:00:00Z"),
            null,
            null,
            null,
            TestUsers.RUN_ID,
            Instant.parse("2025-06-01T12:00:00Z"),
            TestUsers.VERSION);
    Instant processedAt = Instant.parse("2026-01-01T00:00:00.123Z");
    UserUpsert upsert = UserUpsert.prepare(cql, target);

    cql.execute(upsert.bind(full, full.version(), processedAt));
    cql.execute(upsert.bind(sparse, sparse.version(), processedAt));

    var rows = cql.execute("SELECT * FROM " + target.qualifiedTable()).all();
    assertThat(rows).extracting(StreamFixture::user).containsExactlyInAnyOrder(full, sparse);
    assertThat(rows)
        .allSatisfy(r -> assertThat(r.getInstant("processed_at")).isEqualTo(processedAt));
  }

  @Test
  void theNewestVersionWinsWhateverOrderTheWritesArriveIn() {
    CassandraSchema.apply(cql, target, null, "");
    UserUpsert upsert = UserUpsert.prepare(cql, target);
    User v1 = TestUsers.atVersion(TestUsers.user(TestUsers.user(7).id(), "Older"), 1_000_000);
    User v2 = TestUsers.atVersion(TestUsers.user(TestUsers.user(7).id(), "Newer"), 2_000_000);
    Instant now = Instant.now();

    cql.execute(upsert.bind(v2, v2.version(), now));
    cql.execute(upsert.bind(v1, v1.version(), now)); // a replay of an older event, later

    var row = cql.execute("SELECT * FROM " + target.qualifiedTable()).one();
    assertThat(row.getString("first_name")).isEqualTo("Newer");
    assertThat(row.getLong("version")).isEqualTo(2_000_000);
    assertThat(
            cql.execute("SELECT writetime(first_name) FROM " + target.qualifiedTable())
                .one()
                .getLong(0))
        .isEqualTo(2_000_000);
  }

  @Test
  void aTableWhoseColumnTypeDiffersIsRefusedWhenPreparing() throws Exception {
    CassandraSchema.apply(cql, target, null, "");
    cql.execute("DROP TABLE " + target.qualifiedTable());
    // schema.cql's own table, with one column of another type
    String createTable =
        CassandraSchema.statements(schemaFile(), target, "").stream()
            .filter(s -> s.contains("TABLE IF NOT EXISTS " + target.qualifiedTable() + " "))
            .findFirst()
            .orElseThrow();
    String wrongType = createTable.replaceFirst("post_code\\s+text", "post_code int");
    assertThat(wrongType).isNotEqualTo(createTable);
    cql.execute(wrongType);

    assertThatThrownBy(() -> UserUpsert.prepare(cql, target))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("post_code")
        .hasMessageContaining("int");
  }

  private static String schemaFile() throws java.io.IOException {
    try (var in = CassandraSchema.class.getResourceAsStream(CassandraSchema.RESOURCE)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
