package io.realtimestreaming.devstack.bench;

import io.realtimestreaming.model.ingest.IngestApiException;
import io.realtimestreaming.model.ingest.IngestClient;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady offered load: a run of {@code usersPerSecond} users started every second for {@code
 * seconds}, each its own POST, then watched until every user is in Cassandra. Runs this small fit
 * one randomuser page (at most 5000), so each commits in one transaction, whose time its {@code
 * finished_at} gives. A run the service refuses (503: its run pool and queue are full) is counted,
 * not retried: the load it would have offered is simply missing, and the report says so.
 */
final class OfferedLoad {

  record Result(List<UUID> runIds, int refused, double offeredUsersPerSecond) {}

  private final IngestClient api;
  private final CassandraWrites writes;
  private final PrintStream out;

  OfferedLoad(IngestClient api, CassandraWrites writes, PrintStream out) {
    this.api = api;
    this.writes = writes;
    this.out = out;
  }

  Result run(int usersPerSecond, int seconds, String seedPrefix, Instant deadline)
      throws Exception {
    List<UUID> runs = new CopyOnWriteArrayList<>();
    AtomicInteger refused = new AtomicInteger();
    long writesBefore = writes.count();
    Instant begin = Instant.now();
    ExecutorService poster = Executors.newSingleThreadExecutor();
    try {
      Future<?> load =
          poster.submit(
              () -> {
                for (int n = 1; n <= seconds; n++) {
                  // start on the second, whatever the POSTs before took: the offered rate stays
                  // fixed
                  long wait = Duration.between(Instant.now(), begin.plusSeconds(n - 1)).toMillis();
                  if (wait > 0) {
                    Thread.sleep(wait);
                  }
                  try {
                    runs.add(api.start(usersPerSecond, seedPrefix + "-" + n));
                  } catch (IngestApiException e) {
                    refused.incrementAndGet();
                    out.println("  run " + n + " refused: " + e.getMessage());
                  }
                }
                return null;
              });
      RunWatch watch = new RunWatch(api, writes, out);
      RunWatch.Outcome outcome =
          watch.awaitPublished(
              () -> runs, load::isDone, begin, writesBefore, Duration.ofSeconds(1), deadline);
      load.get(); // surfaces an unexpected failure of the poster
      watch.awaitWrites(writesBefore, outcome.stored(), deadline);
    } finally {
      poster.shutdownNow();
    }
    double offered = (double) runs.size() * usersPerSecond / seconds;
    return new Result(List.copyOf(runs), refused.get(), offered);
  }
}
