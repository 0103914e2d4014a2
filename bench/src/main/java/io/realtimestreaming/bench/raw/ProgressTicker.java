package io.realtimestreaming.bench.raw;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints a line a second while a raw phase runs: rows done of the total and the rate so far. The
 * phase counts into {@link #done()}; closing the ticker stops the lines.
 */
final class ProgressTicker implements AutoCloseable {

  private final AtomicLong done = new AtomicLong();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "bench-progress");
            t.setDaemon(true);
            return t;
          });

  ProgressTicker(String phase, long total, PrintStream out) {
    long start = System.nanoTime();
    timer.scheduleAtFixedRate(
        () -> {
          double seconds = (System.nanoTime() - start) / 1e9;
          long rows = done.get();
          out.printf(
              "  [%5.1fs] %s: %,d/%,d rows (%,.0f rows/s)%n",
              seconds, phase, rows, total, rows / seconds);
        },
        1,
        1,
        TimeUnit.SECONDS);
  }

  AtomicLong done() {
    return done;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
