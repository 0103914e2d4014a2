package io.realtimestreaming.ingest.users;

import io.realtimestreaming.model.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The statement that stores a page of users, and its binding, in plain JDBC: {@code INSERT ...
 * SELECT FROM unnest(arrays) ON CONFLICT (id) DO UPDATE ... RETURNING id, version}, one round trip
 * per page whatever its size. {@link UserStore} runs it in the page's transaction; the benchmarks
 * run the same code as their raw baseline, so that the two cannot drift apart.
 *
 * <p>The upsert leaves a row that already names the run alone ({@code WHERE users.ingestion_run_id
 * IS DISTINCT FROM ...}): the first record of a user in a run is the one kept. Every write gives
 * the row a new version: microseconds since the epoch, at least the previous version + 1, so a
 * user's versions only grow, whichever instance or clock writes it (a concurrent writer waits for
 * the row lock and then sees the version before its own).
 */
public final class UserPageUpsert {

  private static final String SQL =
      """
      with written as (
        insert into users (id, first_name, last_name, gender, address, post_code, email, username,
                           dob, registered_date, phone, picture, nationality, ingestion_run_id,
                           ingested_at, raw, version)
        select u.id, u.first_name, u.last_name, u.gender, u.address, u.post_code, u.email,
               u.username, timestamptz 'epoch' + u.dob * interval '1 microsecond',
               timestamptz 'epoch' + u.registered_date * interval '1 microsecond', u.phone,
               u.picture, u.nationality, ?::uuid,
               timestamptz 'epoch' + ?::bigint * interval '1 microsecond',
               convert_from(u.raw, 'UTF8')::jsonb,
               (extract(epoch from statement_timestamp()) * 1000000)::bigint
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
            raw = excluded.raw, version = greatest(users.version + 1, excluded.version)
        where users.ingestion_run_id is distinct from excluded.ingestion_run_id
        returning id, version)
      select id, version from written
      """;

  private UserPageUpsert() {}

  /**
   * Runs the upsert of one page on {@code connection}, in its current transaction.
   *
   * @param page distinct users of one run, ingested at one instant (both go to PostgreSQL once per
   *     page rather than once per user), best in id order so that concurrent pages lock rows in the
   *     same order
   * @return the users written with their new versions; a user the run had already written is absent
   * @throws IllegalArgumentException if the users do not share their run and ingestion instant
   */
  public static Map<UUID, Long> upsert(Connection connection, List<FetchedUser> page)
      throws SQLException {
    User shared = sharedRunAndInstant(page);
    try (PreparedStatement ps = connection.prepareStatement(SQL)) {
      bind(ps, shared, page);
      Map<UUID, Long> written = new HashMap<>(page.size() * 2);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          written.put(rs.getObject(1, UUID.class), rs.getLong(2));
        }
      }
      return written;
    }
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
   * that PostgreSQL parses back, which with the raw JSON records (all quotes) was one of the
   * largest costs of the service's CPU (docs/benchmarks.md). So: UUIDs as text cast by {@code
   * ::uuid[]}; timestamps as microseconds since the epoch (exact, no text, no time zone), turned
   * back into {@code timestamptz} by the SQL; the raw record as the UTF-8 bytes it arrived in,
   * which {@code convert_from} checks and {@code ::jsonb} parses. UserStoreIT checks every column
   * arrives as given.
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
