package io.realtimestreaming.bench.profile;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The CPU a phase's rounds used, process by process, added up over its rounds and told per row:
 * with every side of a suite on the same 2 cores, what a row costs each process says where a rate
 * is bound, which the rate alone does not.
 */
public final class CpuTally {

  private final Supplier<CpuReading> reading;
  private final Map<String, Double> seconds = new LinkedHashMap<>();
  private double busySeconds;
  private double wallSeconds;
  private long rows;

  /**
   * @param processes processes read alone (name → PID)
   * @param trees processes read with all their descendants
   */
  public CpuTally(Map<String, Long> processes, Map<String, Long> trees) {
    this(() -> CpuReading.now(processes, trees));
  }

  CpuTally(Supplier<CpuReading> reading) {
    this.reading = reading;
  }

  /** Runs one round of {@code rows} rows and adds what it used. */
  public <T> T measure(long rows, Callable<T> round) throws Exception {
    CpuReading before = reading.get();
    long start = System.nanoTime();
    T result = round.call();
    add(rows, (System.nanoTime() - start) / 1e9, before, reading.get());
    return result;
  }

  void add(long rows, double wall, CpuReading before, CpuReading after) {
    this.rows += rows;
    after.secondsSince(before).forEach((name, s) -> seconds.merge(name, s, Double::sum));
    after
        .busySince(before)
        .ifPresent(
            busy -> {
              busySeconds += busy * wall;
              wallSeconds += wall;
            });
  }

  /** E.g. {@code 93 core-µs a row (PostgreSQL 61, the bench 32); the machine's cores 97 % busy}. */
  public String perRow() {
    if (rows == 0) {
      return "no rows";
    }
    double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    String each =
        seconds.entrySet().stream()
            .map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey(), micros(e.getValue())))
            .collect(Collectors.joining(", "));
    String busy =
        wallSeconds > 0
            ? String.format(
                Locale.ROOT, "; the machine's cores %.0f %% busy", 100 * busySeconds / wallSeconds)
            : "";
    return String.format(Locale.ROOT, "%.0f core-µs a row (%s)%s", micros(total), each, busy);
  }

  private double micros(double seconds) {
    return seconds * 1e6 / rows;
  }
}
