package io.realtimestreaming.ingest.users;

import io.realtimestreaming.model.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code users} table, written a page at a time.
 *
 * <p>JDBC rather than JPA: a page is up to 5000 rows, and the upsert has to say, row by row, which
 * users it wrote and with which version. JDBC batching cannot return that ({@code executeBatch}
 * allows no result sets), so the page goes as one statement: {@code INSERT ... SELECT FROM
 * unnest(arrays) ON CONFLICT (id) DO UPDATE ... RETURNING id, version}, one round trip per page
 * whatever its size.
 *
 * <p>A user the run has already written (earlier in the page, or on an earlier page) is a
 * duplicate: the first record of a user in a run is the one kept, and the upsert leaves a row that
 * already names the run alone ({@code WHERE users.ingestion_run_id IS DISTINCT FROM ...}). Every
 * write gives the row a new version: microseconds since the epoch, at least the previous version +
 * 1, so a user's versions only grow, whichever instance or clock writes it (a concurrent writer
 * waits for the row lock and then sees the version before its own).
 *
 * <p>Rows go in ascending id order, so two runs upserting overlapping users lock them in the same
 * order and cannot deadlock.
 */
@Repository
public class UserStore {

  private static final String UPSERT =
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

  private final JdbcTemplate jdbc;

  public UserStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts new users and updates known ones, except those the run has written already; call inside
   * the page's transaction.
   *
   * @param page users of one run, ingested at one instant (a page's users share both, which go to
   *     PostgreSQL once rather than once per user)
   * @return the users written, in id order, each with its new version; and how many of the page
   *     were duplicates of a user the run already had
   * @throws IllegalArgumentException if the users do not share their run and ingestion instant
   */
  public Upserted upsert(List<FetchedUser> page) {
    List<FetchedUser> distinct = distinctById(page);
    if (distinct.isEmpty()) {
      return new Upserted(List.of(), page.size());
    }
    User shared = sharedRunAndInstant(distinct);
    Map<UUID, Long> versions =
        jdbc.execute(
            (Connection c) -> {
              try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                bind(ps, shared, distinct);
                Map<UUID, Long> written = new HashMap<>(distinct.size() * 2);
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    written.put(rs.getObject(1, UUID.class), rs.getLong(2));
                  }
                }
                return written;
              }
            });
    List<User> written = new ArrayList<>(versions.size());
    for (FetchedUser fetched : distinct) {
      Long version = versions.get(fetched.user().id());
      if (version != null) {
        written.add(fetched.user().withVersion(version));
      }
    }
    return new Upserted(written, page.size() - written.size());
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
   * What a page upsert did.
   *
   * @param written the users written, in id order, with their new versions: the events the page
   *     publishes
   * @param duplicates records of the page that repeated a user the run already had (earlier in the
   *     page or on an earlier page): written once, counted here
   */
  public record Upserted(List<User> written, int duplicates) {}

  /** The first record of each user, in id order. */
  static List<FetchedUser> distinctById(List<FetchedUser> page) {
    List<FetchedUser> sorted = new ArrayList<>(page);
    sorted.sort(Comparator.comparing(u -> u.user().id())); // stable: repeats keep page order
    List<FetchedUser> distinct = new ArrayList<>(sorted.size());
    for (FetchedUser user : sorted) {
      if (distinct.isEmpty()
          || !distinct.get(distinct.size() - 1).user().id().equals(user.user().id())) {
        distinct.add(user);
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
