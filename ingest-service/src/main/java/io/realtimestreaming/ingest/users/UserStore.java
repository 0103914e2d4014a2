package io.realtimestreaming.ingest.users;

import io.realtimestreaming.model.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code users} table, written a page at a time.
 *
 * <p>JDBC rather than JPA: a page is up to 5000 rows, and the upsert has to say, row by row,
 * whether it inserted or updated (to count duplicates exactly). JDBC batching cannot return that
 * ({@code executeBatch} allows no result sets), so the page goes as one statement: {@code INSERT
 * ... SELECT FROM unnest(arrays) ON CONFLICT (id) DO UPDATE ... RETURNING (xmax = 0)}, one round
 * trip per page whatever its size, and {@code xmax = 0} is true exactly for freshly inserted rows.
 *
 * <p>Rows go in ascending id order, so two runs upserting overlapping users lock them in the same
 * order and cannot deadlock. A user twice in one page is kept once (the last occurrence):
 * PostgreSQL refuses to update one row twice in a statement.
 */
@Repository
public class UserStore {

  private static final String UPSERT =
      """
      insert into users (id, first_name, last_name, gender, address, post_code, email, username,
                         dob, registered_date, phone, picture, nationality, ingestion_run_id,
                         ingested_at, raw)
      select u.id, u.first_name, u.last_name, u.gender, u.address, u.post_code, u.email,
             u.username, timestamptz 'epoch' + u.dob * interval '1 microsecond',
             timestamptz 'epoch' + u.registered_date * interval '1 microsecond', u.phone,
             u.picture, u.nationality, ?::uuid,
             timestamptz 'epoch' + ?::bigint * interval '1 microsecond',
             convert_from(u.raw, 'UTF8')::jsonb
      from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                  ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[],
                  ?::bytea[])
           as u(id, first_name, last_name, gender, address, post_code, email, username, dob,
                registered_date, phone, picture, nationality, raw)
      on conflict (id) do update set
          first_name = excluded.first_name, last_name = excluded.last_name,
          gender = excluded.gender, address = excluded.address, post_code = excluded.post_code,
          email = excluded.email, username = excluded.username, dob = excluded.dob,
          registered_date = excluded.registered_date, phone = excluded.phone,
          picture = excluded.picture, nationality = excluded.nationality,
          ingestion_run_id = excluded.ingestion_run_id, ingested_at = excluded.ingested_at,
          raw = excluded.raw
      returning (xmax = 0) as inserted
      """;

  // the page's counts in one result row rather than a row per user
  private static final String COUNTED_UPSERT =
      "with written as (" + UPSERT + ") select count(*) filter (where not inserted) from written";

  private final JdbcTemplate jdbc;

  public UserStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts new users and updates known ones; call inside the page's transaction.
   *
   * @param page users of one run, ingested at one instant (a page's users share both, which go to
   *     PostgreSQL once rather than once per user)
   * @return the distinct users written, in id order, and the counts
   * @throws IllegalArgumentException if the users do not share their run and ingestion instant
   */
  public Upserted upsert(List<FetchedUser> page) {
    List<FetchedUser> distinct = distinctById(page);
    if (distinct.isEmpty()) {
      return new Upserted(List.of(), new UpsertResult(0, 0));
    }
    User shared = sharedRunAndInstant(distinct);
    int inPageRepeats = page.size() - distinct.size();
    int updated =
        jdbc.execute(
            (Connection c) -> {
              try (PreparedStatement ps = c.prepareStatement(COUNTED_UPSERT)) {
                bind(ps, shared, distinct);
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getInt(1);
                }
              }
            });
    return new Upserted(distinct, new UpsertResult(page.size(), updated + inPageRepeats));
  }

  /** Ids of users whose latest ingestion was {@code runId}, in id order. */
  public List<UUID> idsOfRun(UUID runId, int limit) {
    return jdbc.queryForList(
        "select id from users where ingestion_run_id = ? order by id limit ?",
        UUID.class,
        runId,
        limit);
  }

  /**
   * The users a page upsert wrote.
   *
   * @param users the distinct users, in id order: the events the page publishes
   */
  public record Upserted(List<FetchedUser> users, UpsertResult result) {}

  static List<FetchedUser> distinctById(List<FetchedUser> page) {
    List<FetchedUser> sorted = new ArrayList<>(page);
    sorted.sort(Comparator.comparing(u -> u.user().id())); // stable: repeats keep page order
    List<FetchedUser> distinct = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      boolean repeatedLater =
          i + 1 < sorted.size() && sorted.get(i + 1).user().id().equals(sorted.get(i).user().id());
      if (!repeatedLater) {
        distinct.add(sorted.get(i)); // the last occurrence of its id
      }
    }
    return distinct;
  }

  /** The page's one run and ingestion instant, as its first user has them. */
  static User sharedRunAndInstant(List<FetchedUser> page) {
    User first = page.get(0).user();
    for (FetchedUser fetched : page) {
      User user = fetched.user();
      if (!user.ingestionRunId().equals(first.ingestionRunId())
          || !user.ingestedAt().equals(first.ingestedAt())) {
        throw new IllegalArgumentException(
            "a page's users share one run and ingestion instant, but user "
                + user.id()
                + " has run "
                + user.ingestionRunId()
                + " at "
                + user.ingestedAt()
                + " and user "
                + first.id()
                + " run "
                + first.ingestionRunId()
                + " at "
                + first.ingestedAt());
      }
    }
    return first;
  }

  private static void bind(PreparedStatement ps, User first, List<FetchedUser> rows)
      throws SQLException {
    int i = 1;
    ps.setObject(i++, first.ingestionRunId());
    ps.setLong(i++, micros(first.ingestedAt()));
    ps.setObject(i++, text(rows, u -> u.user().id().toString()));
    ps.setObject(i++, text(rows, u -> u.user().firstName()));
    ps.setObject(i++, text(rows, u -> u.user().lastName()));
    ps.setObject(i++, text(rows, u -> u.user().gender()));
    ps.setObject(i++, text(rows, u -> u.user().address()));
    ps.setObject(i++, text(rows, u -> u.user().postCode()));
    ps.setObject(i++, text(rows, u -> u.user().email()));
    ps.setObject(i++, text(rows, u -> u.user().username()));
    ps.setObject(i++, micros(rows, u -> u.user().dob()));
    ps.setObject(i++, micros(rows, u -> u.user().registeredDate()));
    ps.setObject(i++, text(rows, u -> u.user().phone()));
    ps.setObject(i++, text(rows, u -> u.user().picture()));
    ps.setObject(i++, text(rows, u -> u.user().nationality()));
    byte[][] raw = new byte[rows.size()][];
    for (int row = 0; row < raw.length; row++) {
      raw[row] = rows.get(row).rawJson();
    }
    ps.setObject(i, raw);
  }

  /**
   * Arrays travel in PostgreSQL's binary array format, which pgjdbc uses for {@code String[]}
   * ({@code varchar[]}, each element its UTF-8 bytes, nulls included), {@code long[]} and {@code
   * byte[][]}; an {@code Array} from {@code createArrayOf} goes as one quoted and escaped literal
   * that PostgreSQL parses back, which with the raw JSON records (all quotes) was 22 % of the
   * service's CPU. So: UUIDs as text cast by {@code ::uuid[]}; timestamps as microseconds since the
   * epoch (exact, no text, no time zone), turned back into {@code timestamptz} by the SQL; the raw
   * record as the UTF-8 bytes it arrived in, which {@code convert_from} checks and {@code ::jsonb}
   * parses. UserStoreIT checks every column arrives as given.
   */
  private static String[] text(List<FetchedUser> rows, Function<FetchedUser, String> column) {
    String[] values = new String[rows.size()];
    for (int row = 0; row < values.length; row++) {
      values[row] = column.apply(rows.get(row));
    }
    return values;
  }

  private static long[] micros(List<FetchedUser> rows, Function<FetchedUser, Instant> column) {
    long[] values = new long[rows.size()];
    for (int row = 0; row < values.length; row++) {
      values[row] = micros(column.apply(rows.get(row)));
    }
    return values;
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }
}
