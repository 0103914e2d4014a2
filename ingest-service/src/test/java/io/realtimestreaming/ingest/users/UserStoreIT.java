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
 * quotes, backslashes, non-ASCII, microseconds), and the counts say what was new and what not.
 */
@RealServices(ServiceKind.POSTGRES)
class UserStoreIT {

  private static final UUID RUN = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

  /** The events are the outbox's business; the users table does not read them. */
  private static final byte[] EVENT = {0};

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
            ingested);
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
            ingested);
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
            ingested);
    String trickyRaw =
        "{\"name\":{\"first\":\"Zoë \\\"Z\\\"\"},\"path\":\"a\\\\b\",\"n\":[1,null]}";

    UserStore.Upserted first =
        store.upsert(
            List.of(
                new FetchedUser(tricky, utf8(trickyRaw), EVENT),
                new FetchedUser(sparse, utf8("{}"), EVENT),
                new FetchedUser(plain, utf8("{\"x\":\"\u00e9\u4e2d\"}"), EVENT)));

    assertThat(first.result()).isEqualTo(new UpsertResult(3, 0));
    assertThat(read(a)).isEqualTo(columns(tricky));
    assertThat(read(b)).isEqualTo(columns(sparse));
    assertThat(read(c)).isEqualTo(columns(plain));
    assertThat(
            jdbc.queryForObject(
                "select raw = ?::jsonb from users where id = ?", Boolean.class, trickyRaw, a))
        .isTrue();
    assertThat(jdbc.queryForObject("select raw ->> 'x' from users where id = ?", String.class, c))
        .isEqualTo("\u00e9\u4e2d");

    // b again, twice in one page, and a new user: 3 stored, b counted twice as a duplicate
    UUID d = UUID.fromString("00000000-0000-0000-0000-00000000000d");
    User plainD =
        new User(
            d,
            "D",
            "L",
            "male",
            "a",
            "1",
            "d@x",
            "d",
            dob,
            registered,
            "1",
            "p",
            "US",
            RUN,
            ingested);
    UserStore.Upserted second =
        store.upsert(
            List.of(
                new FetchedUser(sparse, utf8("{}"), EVENT),
                new FetchedUser(plainD, utf8("{}"), EVENT),
                new FetchedUser(sparse, utf8("{\"again\":true}"), EVENT)));

    assertThat(second.result()).isEqualTo(new UpsertResult(3, 2));
    assertThat(second.users()).extracting(u -> u.user().id()).containsExactly(b, d);
    assertThat(
            jdbc.queryForObject("select raw ->> 'again' from users where id = ?", String.class, b))
        .isEqualTo("true");
    assertThat(jdbc.queryForObject("select count(*) from users", Long.class)).isEqualTo(4);
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
