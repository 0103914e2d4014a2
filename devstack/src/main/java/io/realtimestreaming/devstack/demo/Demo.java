package io.realtimestreaming.devstack.demo;

import com.datastax.oss.driver.api.core.CqlSession;
import io.realtimestreaming.devstack.cql.CqlSessions;
import io.realtimestreaming.devstack.cql.CqlTablePrinter;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One ingestion through the whole pipeline, watched until every stored user is in Cassandra: a
 * progress line a second, then a summary and sample rows.
 */
public final class Demo {

  private final StackSettings settings;
  private final IngestApi api;
  private final PrintStream out;

  public Demo(StackSettings settings, String apiKey, PrintStream out) {
    this.settings = settings;
    this.api =
        new IngestApi("http://" + settings.host() + ":" + settings.port("ingest-service"), apiKey);
    this.out = out;
  }

  /** Answers true when every stored user landed within {@code timeout}. */
  public boolean run(int users, String seed, Duration timeout) throws Exception {
    try (CqlSession session = CqlSessions.open(settings)) {
      LandedRows landed = new LandedRows(session);
      Instant begin = Instant.now();
      UUID runId = api.start(users, seed);
      out.printf("started ingestion run %s: %d users, seed '%s'%n", runId, users, seed);
      Instant deadline = begin.plus(timeout);
      RunProgress run;
      long inCassandra;
      Instant storedAt = null;
      do {
        Thread.sleep(1000);
        run = api.status(runId);
        inCassandra = landed.count(runId);
        if (storedAt == null && run.finished()) {
          storedAt = Instant.now();
        }
        printProgress(begin, run, inCassandra);
      } while (!run.failed()
          && !(run.finished() && inCassandra >= expected(run))
          && Instant.now().isBefore(deadline));
      Duration total = Duration.between(begin, Instant.now());
      printSummary(
          runId,
          run,
          inCassandra,
          storedAt == null ? total : Duration.between(begin, storedAt),
          total);
      if (run.failed()) {
        out.println("the run FAILED: " + run.error());
        return false;
      }
      out.println();
      CqlTablePrinter.print(landed.sample(runId, 5), out);
      out.printf(
          "%nquery more:  ./pipeline cql \"SELECT id, first_name, last_name, email FROM spark_streams.created_users"
              + " WHERE ingestion_run_id = %s LIMIT 20 ALLOW FILTERING\"%n",
          runId);
      return inCassandra >= expected(run);
    }
  }

  /** Users of this run: a duplicate of an earlier run lands too (its row now names this run). */
  private static long expected(RunProgress run) {
    return run.stored() + run.duplicates();
  }

  private void printProgress(Instant begin, RunProgress run, long inCassandra) {
    double seconds = Math.max(0.001, Duration.between(begin, Instant.now()).toMillis() / 1000.0);
    out.printf(
        "[%5.1fs] %-9s fetched %6d/%d  stored %6d  published %6d  landed %6d  (%.0f users/s end to end)%n",
        seconds,
        run.status(),
        run.fetched(),
        run.requested(),
        run.stored() + run.duplicates(),
        run.published(),
        inCassandra,
        inCassandra / seconds);
  }

  private void printSummary(
      UUID runId, RunProgress run, long inCassandra, Duration stored, Duration total) {
    out.printf("%nrun %s %s%n", runId, run.status());
    out.printf(
        "  requested %d, fetched %d, stored %d new + %d duplicates, rejected %d, published %d%n",
        run.requested(),
        run.fetched(),
        run.stored(),
        run.duplicates(),
        run.rejected(),
        run.published());
    out.printf("  in Cassandra: %d of %d%n", inCassandra, expected(run));
    out.printf(
        "  stored in PostgreSQL after %.1f s; all landed in Cassandra after %.1f s (%.0f users/s)%n",
        stored.toMillis() / 1000.0,
        total.toMillis() / 1000.0,
        inCassandra / Math.max(0.001, total.toMillis() / 1000.0));
  }
}
