package io.realtimestreaming.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Waits, before a suite, for the machine's 1-minute load average to fall to a threshold: on 2
 * shared cores a suite started while the run before it was still settling measured lower
 * (docs/benchmarks.md, "the run ledger's cost"). Every suite starts from the same calm where it
 * comes, and the report says how long that took or that it never came.
 */
final class QuietMachine {

  /** What the wait found: settled when the load fell to the threshold in time. */
  record Settled(double loadBefore, double loadAfter, double threshold, Duration waited) {

    boolean settled() {
      return loadAfter <= threshold;
    }

    String describe(String suite) {
      if (!settled()) {
        return String.format(
            "The %s suite started at a load average of %.2f: it had not fallen to %.2f in %d s"
                + " (from %.2f).",
            suite, loadAfter, threshold, waited.toSeconds(), loadBefore);
      }
      return loadBefore <= threshold
          ? String.format("The %s suite started at a load average of %.2f.", suite, loadAfter)
          : String.format(
              "The %s suite started at a load average of %.2f, after %d s waiting for it to fall"
                  + " from %.2f to %.2f.",
              suite, loadAfter, waited.toSeconds(), loadBefore, threshold);
    }
  }

  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  static final Duration POLL = Duration.ofSeconds(5);
  static final Duration PROGRESS = Duration.ofSeconds(15);

  private final DoubleSupplier loadAverage;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private final double threshold;
  private final Duration atMost;
  private final PrintStream out;

  QuietMachine(
      DoubleSupplier loadAverage,
      LongSupplier nanoTime,
      Sleeper sleeper,
      double threshold,
      Duration atMost,
      PrintStream out) {
    this.loadAverage = loadAverage;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.threshold = threshold;
    this.atMost = atMost;
    this.out = out;
  }

  /**
   * Polls every {@link #POLL} until the load is at most the threshold, or {@code atMost} passed.
   */
  Settled await() throws InterruptedException {
    double before = loadAverage.getAsDouble();
    long start = nanoTime.getAsLong();
    long lastLine = start - PROGRESS.toNanos(); // the first poll over the threshold says so
    double load = before;
    while (load > threshold) {
      Duration waited = Duration.ofNanos(nanoTime.getAsLong() - start);
      if (waited.compareTo(atMost) >= 0) {
        out.printf(
            "  the load average is still %.2f after %d s; measuring anyway%n",
            load, waited.toSeconds());
        return new Settled(before, load, threshold, waited);
      }
      if (nanoTime.getAsLong() - lastLine >= PROGRESS.toNanos()) {
        lastLine = nanoTime.getAsLong();
        out.printf(
            "  waiting for a quiet machine: load average %.2f, over %.2f (%d s of at most %d)%n",
            load, threshold, waited.toSeconds(), atMost.toSeconds());
      }
      sleeper.sleep(POLL);
      load = loadAverage.getAsDouble();
    }
    return new Settled(before, load, threshold, Duration.ofNanos(nanoTime.getAsLong() - start));
  }
}
