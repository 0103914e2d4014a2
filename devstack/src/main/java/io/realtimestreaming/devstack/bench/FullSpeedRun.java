package io.realtimestreaming.devstack.bench;

import io.realtimestreaming.model.ingest.IngestClient;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * N users ingested as fast as the service goes, as runs of at most {@value #MAX_RUN} (the API's
 * limit) started at once. The ingest rate is N over the time from the first POST until Kafka has
 * acknowledged every user: fetch, PostgreSQL (users + outbox), relay to Kafka.
 */
final class FullSpeedRun {

  static final int MAX_RUN = 100_000;

  /**
   * @param firstPublished when Kafka was first seen to have one of the runs' users
   */
  record Result(List<UUID> runIds, long stored, Throughput ingest, Instant firstPublished) {}

  private final IngestClient api;
  private final CassandraWrites writes;
  private final PrintStream out;

  FullSpeedRun(IngestClient api, CassandraWrites writes, PrintStream out) {
    this.api = api;
    this.writes = writes;
    this.out = out;
  }

  /** Starts the runs and returns once Kafka has all of them (Cassandra may not). */
  Result ingest(int users, String seed, Instant deadline) throws Exception {
    long writesBefore = writes.count();
    Instant begin = Instant.now();
    List<UUID> runIds = new ArrayList<>();
    for (int part = 0, left = users; left > 0; part++, left -= MAX_RUN) {
      int count = Math.min(left, MAX_RUN);
      UUID runId = api.start(count, seed + "-" + part);
      runIds.add(runId);
      out.printf("  run %s: %,d users, seed %s-%d%n", runId, count, seed, part);
    }
    RunWatch.Outcome outcome =
        new RunWatch(api, writes, out)
            .awaitPublished(
                () -> runIds, () -> true, begin, writesBefore, Duration.ofMillis(250), deadline);
    Throughput ingest =
        new Throughput(
            "pipeline ingest (fetch → PostgreSQL → Kafka)",
            outcome.stored(),
            Duration.between(begin, outcome.allPublished()).toMillis() / 1000.0);
    out.printf(
        "  ingested %,d users in %.1f s: %,.0f users/s%n",
        outcome.stored(), ingest.seconds(), ingest.rowsPerSecond());
    return new Result(List.copyOf(runIds), outcome.stored(), ingest, outcome.firstPublished());
  }
}
