package io.realtimestreaming.ingest.users;

import io.realtimestreaming.model.User;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code users} table, written a page at a time.
 *
 * <p>JDBC rather than JPA: a page is up to 5000 rows, and the upsert has to say, row by row, which
 * users it wrote and with which version. JDBC batching cannot return that ({@code executeBatch}
 * allows no result sets), so the page goes as one statement ({@link UserPageUpsert}).
 *
 * <p>A user the run has already written (earlier in the page, or on an earlier page) is a
 * duplicate: the first record of a user in a run is the one kept. Rows go in ascending id order, so
 * two runs upserting overlapping users lock them in the same order and cannot deadlock.
 */
@Repository
public class UserStore {

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
    Map<UUID, Long> versions = jdbc.execute((Connection c) -> UserPageUpsert.upsert(c, distinct));
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
}
