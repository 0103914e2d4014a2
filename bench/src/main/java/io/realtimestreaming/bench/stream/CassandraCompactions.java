package io.realtimestreaming.bench.stream;

import com.datastax.oss.driver.api.core.CqlSession;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Waits for Cassandra to finish compacting before a timed phase: compactions of what the phase
 * before wrote run on the same two cores and would be charged to whichever phase comes next.
 */
final class CassandraCompactions {

  private static final Duration AT_MOST = Duration.ofMinutes(3);

  private CassandraCompactions() {}

  static void awaitNone(CqlSession session, PrintStream out) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + AT_MOST.toNanos();
    int tasks;
    while ((tasks = running(session)) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (tasks > 0) {
      out.printf(
          "  Cassandra still had %d compaction tasks after %.0f s; timing anyway%n",
          tasks, seconds);
    } else if (seconds >= 1) {
      out.printf("  waited %.1f s for Cassandra's compactions to finish%n", seconds);
    }
  }

  private static int running(CqlSession session) {
    return session.execute("SELECT * FROM system_views.sstable_tasks").all().size();
  }
}
