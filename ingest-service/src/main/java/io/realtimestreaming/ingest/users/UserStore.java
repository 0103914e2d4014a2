package io.realtimestreaming.ingest.users;

import io.realtimestreaming.model.User;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
             u.username, u.dob, u.registered_date, u.phone, u.picture, u.nationality,
             u.ingestion_run_id, u.ingested_at, u.raw::jsonb
      from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                  ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[], ?::text[], ?::text[],
                  ?::uuid[], ?::timestamptz[], ?::text[])
           as u(id, first_name, last_name, gender, address, post_code, email, username, dob,
                registered_date, phone, picture, nationality, ingestion_run_id, ingested_at, raw)
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

  private final JdbcTemplate jdbc;

  public UserStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts new users and updates known ones; call inside the page's transaction.
   *
   * @return the distinct users written, in id order, and the counts
   */
  public Upserted upsert(List<FetchedUser> page) {
    List<FetchedUser> distinct = distinctById(page);
    if (distinct.isEmpty()) {
      return new Upserted(List.of(), new UpsertResult(0, 0));
    }
    int inPageRepeats = page.size() - distinct.size();
    int updated =
        jdbc.execute(
            (Connection c) -> {
              try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                bind(c, ps, distinct);
                int existing = 0;
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    existing += rs.getBoolean(1) ? 0 : 1;
                  }
                }
                return existing;
              }
            });
    List<User> users = distinct.stream().map(FetchedUser::user).toList();
    return new Upserted(users, new UpsertResult(page.size(), updated + inPageRepeats));
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
   * @param users the distinct users, in id order: each gets one outbox row
   */
  public record Upserted(List<User> users, UpsertResult result) {}

  static List<FetchedUser> distinctById(List<FetchedUser> page) {
    Map<UUID, FetchedUser> byId = new LinkedHashMap<>();
    page.forEach(u -> byId.put(u.user().id(), u));
    List<FetchedUser> sorted = new ArrayList<>(byId.values());
    sorted.sort(Comparator.comparing(u -> u.user().id()));
    return sorted;
  }

  private static void bind(Connection c, PreparedStatement ps, List<FetchedUser> rows)
      throws SQLException {
    int i = 1;
    ps.setArray(i++, array(c, "uuid", rows, u -> u.user().id()));
    ps.setObject(i++, text(rows, u -> u.user().firstName()));
    ps.setObject(i++, text(rows, u -> u.user().lastName()));
    ps.setObject(i++, text(rows, u -> u.user().gender()));
    ps.setObject(i++, text(rows, u -> u.user().address()));
    ps.setObject(i++, text(rows, u -> u.user().postCode()));
    ps.setObject(i++, text(rows, u -> u.user().email()));
    ps.setObject(i++, text(rows, u -> u.user().username()));
    ps.setObject(i++, text(rows, u -> instant(u.user().dob())));
    ps.setObject(i++, text(rows, u -> instant(u.user().registeredDate())));
    ps.setObject(i++, text(rows, u -> u.user().phone()));
    ps.setObject(i++, text(rows, u -> u.user().picture()));
    ps.setObject(i++, text(rows, u -> u.user().nationality()));
    ps.setArray(i++, array(c, "uuid", rows, u -> u.user().ingestionRunId()));
    ps.setObject(i++, text(rows, u -> instant(u.user().ingestedAt())));
    ps.setObject(i, text(rows, FetchedUser::rawJson));
  }

  // Timestamps travel as ISO-8601 text and are cast by PostgreSQL (::timestamptz[]): exact to the
  // microsecond, and no time-zone conversion on the way.
  private static String instant(Instant instant) {
    return instant.toString();
  }

  /**
   * A {@code String[]} rather than {@code createArrayOf("text", ...)}: pgjdbc sends it in binary
   * (a {@code varchar[]}, each element as its UTF-8 bytes, nulls included), where an {@code Array}
   * goes as one quoted and escaped array literal that PostgreSQL then parses back: with the raw
   * JSON records (all quotes) that was 22 % of the service's CPU, and a 5000-user page upserts
   * about a quarter faster this way. The SQL casts ({@code ::text[]}, {@code ::timestamptz[]}) and
   * the values stored are the same either way (UserStoreIT).
   */
  private static String[] text(Collection<FetchedUser> rows, Function<FetchedUser, String> f) {
    return rows.stream().map(f).toArray(String[]::new);
  }

  private static Array array(
      Connection c, String type, Collection<FetchedUser> rows, Function<FetchedUser, ?> f)
      throws SQLException {
    return c.createArrayOf(type, rows.stream().map(f).toArray());
  }
}
