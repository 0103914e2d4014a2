package io.realtimestreaming.devstack.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Reads, row by row, when the users of some runs were ingested and committed (PostgreSQL) and when
 * they became visible (Cassandra), waiting for rows not there yet. Cassandra is read by primary
 * key, so the cost follows the bench's rows, not the size of created_users.
 */
final class LandingTimes {

  private static final int IN_FLIGHT = 256;

  private final StackSettings settings;
  private final CqlSession session;
  private final PreparedStatement written;
  private final PrintStream out;

  LandingTimes(StackSettings settings, CqlSession session, PrintStream out) {
    this.settings = settings;
    this.session = session;
    this.written =
        session.prepare(
            "SELECT writetime(processed_at) FROM spark_streams.created_users WHERE id = ?");
    this.out = out;
  }

  RowTimes await(Collection<UUID> runIds, Instant deadline)
      throws SQLException, InterruptedException {
    List<UUID> ids = new ArrayList<>();
    List<long[]> stamps = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                settings.jdbcUrl(settings.postgresDatabase()),
                settings.postgresUser(),
                settings.postgresPassword());
        java.sql.PreparedStatement query =
            c.prepareStatement(
                "select u.id, u.ingested_at, r.finished_at from users u join ingestion_runs r on r.id = u.ingestion_run_id"
                    + " where u.ingestion_run_id = any(?)")) {
      query.setArray(1, c.createArrayOf("uuid", runIds.toArray()));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
          stamps.add(
              new long[] {
                millis(rs.getObject(2, OffsetDateTime.class)),
                millis(rs.getObject(3, OffsetDateTime.class))
              });
        }
      }
    }
    long[] visible = new long[ids.size()];
    Arrays.fill(visible, -1);
    int pending = ids.size();
    while (true) {
      readVisible(ids, visible);
      pending = (int) Arrays.stream(visible).filter(v -> v < 0).count();
      out.printf(
          "  confirming in Cassandra, by id: %,d of %,d rows there%n",
          ids.size() - pending, ids.size());
      if (pending == 0 || Instant.now().isAfter(deadline)) {
        break;
      }
      Thread.sleep(2000);
    }
    return times(stamps, visible, pending);
  }

  private void readVisible(List<UUID> ids, long[] visible) throws InterruptedException {
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    for (int i = 0; i < ids.size(); i++) {
      if (visible[i] >= 0) {
        continue;
      }
      int index = i;
      inFlight.acquire();
      session
          .executeAsync(written.bind(ids.get(i)))
          .whenComplete(
              (rs, error) -> {
                Row row = error == null ? rs.one() : null;
                if (row != null && !row.isNull(0)) {
                  visible[index] = row.getLong(0) / 1000; // WRITETIME is in microseconds
                }
                inFlight.release();
              });
    }
    if (!inFlight.tryAcquire(IN_FLIGHT, 2, TimeUnit.MINUTES)) {
      throw new IllegalStateException(
          "reading the bench's rows back from Cassandra took over 2 minutes");
    }
  }

  private static RowTimes times(List<long[]> stamps, long[] visible, int missing) {
    int found = visible.length - missing;
    long[] ingested = new long[found];
    long[] committed = new long[found];
    long[] seen = new long[found];
    int j = 0;
    for (int i = 0; i < visible.length; i++) {
      if (visible[i] >= 0) {
        ingested[j] = stamps.get(i)[0];
        committed[j] = stamps.get(i)[1];
        seen[j++] = visible[i];
      }
    }
    return new RowTimes(ingested, committed, seen, missing);
  }

  private static long millis(OffsetDateTime t) {
    return t == null ? -1 : t.toInstant().toEpochMilli();
  }
}
