package io.realtimestreaming.ingest.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.ingest.ServiceUnderTest;
import io.realtimestreaming.model.User;
import io.realtimestreaming.testing.RealServices;
import io.realtimestreaming.testing.ServiceEndpoints;
import io.realtimestreaming.testing.ServiceKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The page upsert against the real PostgreSQL: every column arrives exactly as given (nulls,
 * quotes, backslashes, non-ASCII, microseconds); a user the run already has is a duplicate, kept as
 * first written; and every write gives a user a version above its last one.
 */
@RealServices(ServiceKind.POSTGRES)
class UserStoreIT {

  private static final UUID RUN = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

  private static final UUID OTHER_RUN = UUID.fromString("00000000-0000-0000-0000-0000000000bb");

  private ServiceEndpoints endpoints;
  private String schema;
  private JdbcTemplate jdbc;
  private UserStore store;

  @BeforeEach
  void migrate(ServiceEndpoints services) {
    endpoints = services;
    schema = ServiceUnderTest.freshName("ingest_it");
    String url = ServiceUnderTest.jdbcUrl(services, schema);
    Flyway.configure()
        .dataSource(url, services.jdbcUsername(), services.jdbcPassword())
        .schemas(schema)
        .load()
        .migrate();
    jdbc = ServiceUnderTest.jdbc(services, schema);
    store = new UserStore(jdbc);
  }

  @AfterEach
  void dropSchema() {
    ServiceUnderTest.dropSchema(endpoints, schema);
  }

  @Test
  void storesEveryColumnAsGivenAndCountsWhatExisted() {
    UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    UUID b = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    UUID c = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    Instant dob = Instant.parse("1961-02-03T04:05:06.123456Z");
    Instant registered = Instant.parse("2015-06-07T08:09:10Z");
    Instant ingested = Instant.parse("2026-01-01T00:00:00.000001Z");
    User tricky =
        new User(
            a,
            "Zoë \"Z\" O'Brien",
            "Łukasz\\Müller",
            "female",
            "1 Rue d'Été, {x,y}",
            "NULL",
            "z@x",
            "zoe,1",
            dob,
            registered,
            "(555) 0\t1",
            "https://p/1.jpg",
            "FR",
            RUN,
            ingested,
            0);
    User sparse =
        new User(
            b,
            "B",
            "L",
            null,
            null,
            null,
            "b@x",
            "b",
            dob,
            registered,
            null,
            null,
            null,
            RUN,
            ingested,
            0);
    User plain =
        new User(
            c,
            "C",
            "L",
            "male",
            "a",
            "1",
            "c@x",
            "c",
            dob,
            registered,
            "1",
            "p",
            "US",
            RUN,
            ingested,
            0);
    String trickyRaw =
        "{\"name\":{\"first\":\"Zoë \\\"Z\\\"\"},\"path\":\"a\\\\b\",\"n\":[1,null]}";

    UserStore.Upserted first =
        store.upsert(
            List.of(
                new FetchedUser(tricky, utf8(trickyRaw)),
                new FetchedUser(sparse, utf8("{}")),
                new FetchedUser(plain, utf8("{\"x\":\"\u00e9\u4e2d\"}"))));

    assertThat(first.written()).extracting(User::id).containsExactly(a, b, c);
    assertThat(first.duplicates()).isZero();
    assertThat(first.written()).allSatisfy(u -> assertThat(u.version()).isPositive());
    assertThat(versionOf(a)).isEqualTo(first.written().get(0).version());
    assertThat(read(a)).isEqualTo(columns(tricky));
    assertThat(read(b)).isEqualTo(columns(sparse));
    assertThat(read(c)).isEqualTo(columns(plain));
    assertThat(
            jdbc.queryForObject(
                "select raw = ?::jsonb from users where id = ?", Boolean.class, trickyRaw, a))
        .isTrue();
    assertThat(jdbc.queryForObject("select raw ->> 'x' from users where id = ?", String.class, c))
        .isEqualTo("\u00e9\u4e2d");

    // b again, twice in one page of the same run, and a new user: d stored, b a duplicate twice
    UUID d = UUID.fromString("00000000-0000-0000-0000-00000000000d");
    UserStore.Upserted second =
        store.upsert(
            List.of(
                new FetchedUser(sparse, utf8("{\"again\":1}")),
                new FetchedUser(user(d, RUN, ingested), utf8("{}")),
                new FetchedUser(sparse, utf8("{\"again\":2}"))));

    assertThat(second.written()).extracting(User::id).containsExactly(d);
    assertThat(second.duplicates()).isEqualTo(2);
    assertThat(jdbc.queryForObject("select raw::text from users where id = ?", String.class, b))
        .as("the run's first record of b is the one kept")
        .isEqualTo("{}");
    assertThat(jdbc.queryForObject("select count(*) from users", Long.class)).isEqualTo(4);
  }

  @Test
  void anotherRunWritesTheUserAgainWithAGreaterVersion() {
    User first = store.upsert(List.of(new FetchedUser(user(A, RUN), utf8("{}")))).written().get(0);

    User again =
        store.upsert(List.of(new FetchedUser(user(A, OTHER_RUN), utf8("{}")))).written().get(0);

    assertThat(again.version()).isGreaterThan(first.version());
    assertThat(versionOf(A)).isEqualTo(again.version());
    assertThat(
            jdbc.queryForObject("select ingestion_run_id from users where id = ?", UUID.class, A))
        .isEqualTo(OTHER_RUN);
  }

  @Test
  void aVersionAheadOfTheClockStillGrowsByOne() {
    store.upsert(List.of(new FetchedUser(user(A, RUN), utf8("{}"))));
    long farAhead = 9_000_000_000_000_000L; // a clock that ran ahead, or a restored backup
    jdbc.update("update users set version = ? where id = ?", farAhead, A);

    User again =
        store.upsert(List.of(new FetchedUser(user(A, OTHER_RUN), utf8("{}")))).written().get(0);

    assertThat(again.version()).isEqualTo(farAhead + 1);
  }

  private static final UUID A = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

  private long versionOf(UUID id) {
    return jdbc.queryForObject("select version from users where id = ?", Long.class, id);
  }

  private static User user(UUID id, UUID run) {
    return user(id, run, Instant.parse("2020-01-01T00:00:00Z"));
  }

  private static User user(UUID id, UUID run, Instant t) {
    return new User(
        id, "F", "L", null, null, null, "f@x.io", "u", t, t, null, null, null, run, t, 0);
  }

  private static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private Map<String, Object> read(UUID id) {
    return jdbc.queryForObject(
        """
        select first_name, last_name, gender, address, post_code, email, username, dob,
               registered_date, phone, picture, nationality, ingestion_run_id, ingested_at
        from users where id = ?
        """,
        (rs, i) -> {
          Map<String, Object> row = new java.util.LinkedHashMap<>();
          for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
            String name = rs.getMetaData().getColumnName(col);
            Object value =
                name.equals("dob") || name.equals("registered_date") || name.equals("ingested_at")
                    ? rs.getObject(col, OffsetDateTime.class).toInstant()
                    : rs.getObject(col);
            row.put(name, value);
          }
          return row;
        },
        id);
  }

  private static Map<String, Object> columns(User u) {
    Map<String, Object> row = new java.util.LinkedHashMap<>();
    row.put("first_name", u.firstName());
    row.put("last_name", u.lastName());
    row.put("gender", u.gender());
    row.put("address", u.address());
    row.put("post_code", u.postCode());
    row.put("email", u.email());
    row.put("username", u.username());
    row.put("dob", u.dob());
    row.put("registered_date", u.registeredDate());
    row.put("phone", u.phone());
    row.put("picture", u.picture());
    row.put("nationality", u.nationality());
    row.put("ingestion_run_id", u.ingestionRunId());
    row.put("ingested_at", u.ingestedAt());
    return row;
  }
}
