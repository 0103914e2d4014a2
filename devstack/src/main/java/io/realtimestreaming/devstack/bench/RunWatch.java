package io.realtimestreaming.devstack.bench;

import io.realtimestreaming.model.ingest.IngestClient;
import io.realtimestreaming.model.ingest.RunReport;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Watches ingestion runs until Kafka has acknowledged all their users, then Cassandra until it has
 * taken as many writes, printing a line a second with the counts and rates of each stage.
 */
final class RunWatch {

  /**
   * @param firstPublished when the first user of the runs was seen acknowledged by Kafka
   * @param allPublished when every user of every run was (all runs finished)
   * @param stored users the runs stored, which the stream has to land
   */
  record Outcome(Instant firstPublished, Instant allPublished, long stored) {}

  private final IngestClient api;
  private final CassandraWrites writes;
  private final PrintStream out;

  RunWatch(IngestClient api, CassandraWrites writes, PrintStream out) {
    this.api = api;
    this.writes = writes;
    this.out = out;
  }

  /**
   * @param runs the runs started so far (more may come until {@code allStarted})
   * @param writesBefore the created_users write count before the runs, for the progress lines
   */
  Outcome awaitPublished(
      Supplier<List<UUID>> runs,
      BooleanSupplier allStarted,
      Instant begin,
      long writesBefore,
      Duration poll,
      Instant deadline)
      throws IOException, InterruptedException, TimeoutException {
    Map<UUID, RunReport> done = new HashMap<>();
    Instant firstPublished = null;
    Ticks ticks = new Ticks(begin);
    while (true) {
      Thread.sleep(poll.toMillis());
      boolean started = allStarted.getAsBoolean();
      List<UUID> ids = List.copyOf(runs.get());
      long fetched = 0;
      long stored = 0;
      long published = 0;
      for (UUID id : ids) {
        RunReport run = done.containsKey(id) ? done.get(id) : api.run(id);
        if (run.failed()) {
          throw new IllegalStateException("ingestion run " + id + " FAILED: " + run.error());
        }
        if (run.finished() && run.published() >= run.stored()) {
          done.put(id, run);
        }
        fetched += run.fetched();
        stored += run.stored();
        published += run.published();
      }
      Instant now = Instant.now();
      firstPublished = firstPublished == null && published > 0 ? now : firstPublished;
      boolean complete = started && done.size() == ids.size();
      if (ticks.due(now) || complete) {
        double s = ticks.seconds(now);
        long landed = writes.count() - writesBefore;
        out.printf(
            "  [%5.1fs] runs %d/%d done | fetched %,d | stored %,d (%,.0f/s) | published %,d (%,.0f/s) | Cassandra writes +%,d%n",
            s,
            done.size(),
            ids.size(),
            fetched,
            stored,
            stored / s,
            published,
            published / s,
            landed);
      }
      if (complete) {
        return new Outcome(firstPublished, now, stored);
      }
      if (now.isAfter(deadline)) {
        throw new TimeoutException(
            String.format(
                "runs %s not all published by the deadline: %,d stored, %,d published;"
                    + " see ./pipeline logs ingest-service",
                ids, stored, published));
      }
    }
  }

  /** Waits until created_users has taken {@code expected} writes more than {@code writesBefore}. */
  void awaitWrites(long writesBefore, long expected, Instant deadline)
      throws InterruptedException, TimeoutException {
    Instant begin = Instant.now();
    Ticks ticks = new Ticks(begin);
    long landed;
    do {
      Thread.sleep(250);
      landed = writes.count() - writesBefore;
      Instant now = Instant.now();
      if (ticks.due(now)) {
        double s = ticks.seconds(now);
        out.printf(
            "  [%5.1fs] Cassandra writes +%,d of %,d (%,.0f/s)%n", s, landed, expected, landed / s);
      }
      if (now.isAfter(deadline)) {
        throw new TimeoutException(
            String.format(
                "%,d of %,d rows written to Cassandra by the deadline; see ./pipeline logs stream-job",
                landed, expected));
      }
    } while (landed < expected);
  }

  /** One progress line a second. */
  private static final class Ticks {
    private final Instant begin;
    private Instant next;

    Ticks(Instant begin) {
      this.begin = begin;
      this.next = begin.plusSeconds(1);
    }

    boolean due(Instant now) {
      if (now.isBefore(next)) {
        return false;
      }
      next = next.plusSeconds(1);
      return true;
    }

    double seconds(Instant now) {
      return Math.max(0.001, Duration.between(begin, now).toMillis() / 1000.0);
    }
  }
}
