package io.realtimestreaming.bench.stream;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.realtimestreaming.bench.app.StreamJobInstance;
import io.realtimestreaming.bench.raw.RawCassandra;
import io.realtimestreaming.model.User;
import io.realtimestreaming.stream.settings.CassandraTarget;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Brings a Cassandra that started recently to the speed it keeps before either side is timed. Over
 * its first million or so requests Cassandra spends about half as much CPU again on each write: on
 * 2026-12-04 the raw writer, timed first, wrote 25,700 rows/s on a Cassandra just restarted and
 * 38,000 a run later, and the job, timed after it on a Cassandra warmed by the raw writer's rows,
 * stood at 1.36 times the raw writer instead of 0.70 (docs/benchmarks.md, Levers, "Stream: a
 * Cassandra just started flattered the job").
 *
 * <p>How warm Cassandra is comes from the client requests it has served since it started ({@code
 * system_views.thread_pools}, {@code Native-Transport-Requests}): a count that survives the bench's
 * dropped tables. Below the plan's threshold, the sink's writer writes the suite's users,
 * unmeasured, into a table of its own (dropped after), pass after pass until Cassandra has served
 * that many.
 */
final class CassandraWarmUp {

  /** Passes at most: a Cassandra still cold after them is measured anyway, and the note says so. */
  private static final int MAX_PASSES = 6;

  private CassandraWarmUp() {}

  /**
   * Warms Cassandra to {@code requests} served, writing {@code users} into the table of {@code
   * target} as often as needed; answers the sentence the report notes.
   */
  static String ensure(
      CqlSession session,
      CassandraTarget target,
      String replication,
      List<User> users,
      long requests,
      PrintStream out)
      throws Exception {
    long before = served(session);
    if (before >= requests) {
      return String.format(
          Locale.ROOT,
          "Cassandra had served %,d requests since it started (warm: %,d or more).",
          before,
          requests);
    }
    out.printf(
        "%n== Cassandra has served %,d requests since it started; warming it to %,d%n",
        before, requests);
    StringBuilder rates = new StringBuilder();
    long served = before;
    int passes = 0;
    try (RawCassandra writer = new RawCassandra(target, replication)) {
      while (served < requests && passes < MAX_PASSES) {
        double rate = writer.write(users, StreamJobInstance.TASKS, out);
        rates.append(passes == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,.0f", rate));
        passes++;
        served = served(session);
        out.printf("  warming pass %d: %,.0f rows/s; %,d requests served%n", passes, rate, served);
      }
    }
    return String.format(
        Locale.ROOT,
        "Cassandra had served %,d requests since it started; %d passes of %,d rows into a table"
            + " of their own, unmeasured (%s rows/s), brought it to %,d%s before either side was"
            + " timed.",
        before,
        passes,
        users.size(),
        rates,
        served,
        served >= requests
            ? ""
            : String.format(Locale.ROOT, " (short of %,d: measured anyway)", requests));
  }

  /** Client requests Cassandra has served since it started. */
  static long served(CqlSession session) {
    Row row =
        session
            .execute(
                "SELECT completed_tasks FROM system_views.thread_pools"
                    + " WHERE name = 'Native-Transport-Requests'")
            .one();
    if (row == null) {
      throw new IllegalStateException(
          "Cassandra's system_views.thread_pools has no Native-Transport-Requests pool");
    }
    return ((Number) row.getObject(0)).longValue(); // bigint or int, as the version has it
  }
}
