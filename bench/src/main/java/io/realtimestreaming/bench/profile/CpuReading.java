package io.realtimestreaming.bench.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The CPU time used so far by the machine and by a few named processes (the stores, the bench, the
 * instance under test): two readings tell where a measured phase's CPU went. On 2 shared cores a
 * side that leaves the stores less CPU writes slower, and this says by how much.
 *
 * @param machine the machine's ticks, where Linux gives them
 * @param seconds each process's CPU seconds, in the order given; a process gone is left out
 */
public record CpuReading(Optional<CpuTicks> machine, Map<String, Double> seconds) {

  public CpuReading {
    seconds = Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
  }

  /** Now, for the named processes (name → PID). */
  public static CpuReading now(Map<String, Long> processes) {
    return now(processes, Map.of());
  }

  /**
   * Now, for the named processes, each alone, and the named process trees, each with all its
   * descendants ({@link ProcessTreeCpu}; PostgreSQL's backends). A process whose children are named
   * on their own (the bench, which launches the instance under test) is not a tree.
   */
  public static CpuReading now(Map<String, Long> processes, Map<String, Long> trees) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    processes.forEach(
        (name, pid) ->
            ProcessHandle.of(pid)
                .flatMap(p -> p.info().totalCpuDuration())
                .ifPresent(cpu -> seconds.put(name, cpu.toNanos() / 1e9)));
    trees.forEach((name, pid) -> ProcessTreeCpu.seconds(pid).ifPresent(s -> seconds.put(name, s)));
    return new CpuReading(CpuTicks.now(), seconds);
  }

  /**
   * Each process's CPU seconds since {@code earlier}, in order; a process read only once is left
   * out.
   */
  public Map<String, Double> secondsSince(CpuReading earlier) {
    Map<String, Double> used = new LinkedHashMap<>();
    seconds.forEach(
        (name, now) -> {
          Double then = earlier.seconds.get(name);
          if (then != null) {
            used.put(name, now - then);
          }
        });
    return used;
  }

  /** The share of the cores' time that was busy since {@code earlier}, where Linux tells it. */
  public Optional<Double> busySince(CpuReading earlier) {
    return machine.flatMap(now -> earlier.machine.map(now::busySince));
  }

  /**
   * What was used since {@code earlier}, e.g. {@code the machine's cores 99 % busy; core-seconds:
   * Cassandra 25.1, the raw writer 5.8}; a process read only once is left out.
   */
  public String since(CpuReading earlier) {
    String processes =
        secondsSince(earlier).entrySet().stream()
            .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
            .collect(Collectors.joining(", ", "core-seconds: ", ""));
    return busySince(earlier)
            .map(
                busy ->
                    String.format(Locale.ROOT, "the machine's cores %.0f %% busy; ", busy * 100))
            .orElse("")
        + processes;
  }
}
