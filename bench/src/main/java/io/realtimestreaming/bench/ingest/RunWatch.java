package io.realtimestreaming.bench.ingest;

import io.realtimestreaming.model.ingest.IngestClient;
import io.realtimestreaming.model.ingest.RunReport;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * Watches ingestion runs until every one has ended and Kafka has acknowledged every user it stored,
 * polling the service's list of recent runs (PostgreSQL only, no ledger read) every {@value
 * #POLL_MILLIS} ms (the clock's resolution), with a line a second.
 */
final class RunWatch {

  static final long POLL_MILLIS = 100;

  /**
   * @param stored users the runs stored
   * @param storedNanos when every run had ended, {@link System#nanoTime()}
   * @param publishedNanos when Kafka had every stored user too
   */
  record Outcome(long stored, long storedNanos, long publishedNanos) {}

  private RunWatch() {}

  static Outcome awaitPublished(
      IngestClient api, List<UUID> runs, long startNanos, Duration timeout, PrintStream out)
      throws InterruptedException, TimeoutException {
    long deadline = startNanos + timeout.toNanos();
    long storedAt = 0;
    long nextLine = startNanos + 1_000_000_000L;
    while (true) {
      Thread.sleep(POLL_MILLIS);
      long stored = 0;
      long published = 0;
      boolean ended = true;
      List<RunReport> recent =
          api.recent(Math.min(100, runs.size() + 5)).stream()
              .filter(r -> runs.contains(r.id()))
              .toList();
      ended &= recent.size() == runs.size();
      for (RunReport run : recent) {
        if (run.failed()) {
          throw new IllegalStateException("ingestion run " + run.id() + " FAILED: " + run.error());
        }
        ended &= run.finished();
        stored += run.stored();
        published += run.published();
      }
      long now = System.nanoTime();
      storedAt = ended && storedAt == 0 ? now : storedAt;
      if (now >= nextLine) {
        nextLine += 1_000_000_000L;
        double s = (now - startNanos) / 1e9;
        out.printf(
            "  [%5.1fs] stored %,d (%,.0f/s), published %,d (%,.0f/s)%n",
            s, stored, stored / s, published, published / s);
      }
      if (ended && published >= stored) {
        return new Outcome(stored, storedAt, now);
      }
      if (now > deadline) {
        throw new TimeoutException(
            String.format(
                "runs %s not published within %s: %,d stored, %,d published",
                runs, timeout, stored, published));
      }
    }
  }
}
