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
    Map<String, Double> seconds = new LinkedHashMap<>();
    processes.forEach(
        (name, pid) ->
            ProcessHandle.of(pid)
                .flatMap(p -> p.info().totalCpuDuration())
                .ifPresent(cpu -> seconds.put(name, cpu.toNanos() / 1e9)));
    return new CpuReading(CpuTicks.now(), seconds);
  }

  /**
   * What was used since {@code earlier}, e.g. {@code the machine's cores 99 % busy; core-seconds:
   * Cassandra 25.1, the raw writer 5.8}; a process read only once is left out.
   */
  public String since(CpuReading earlier) {
    String processes =
        seconds.entrySet().stream()
            .filter(e -> earlier.seconds.containsKey(e.getKey()))
            .map(
                e ->
                    String.format(
                        Locale.ROOT,
                        "%s %.1f",
                        e.getKey(),
                        e.getValue() - earlier.seconds.get(e.getKey())))
            .collect(Collectors.joining(", ", "core-seconds: ", ""));
    return machine
            .flatMap(now -> earlier.machine.map(now::busySince))
            .map(
                busy ->
                    String.format(Locale.ROOT, "the machine's cores %.0f %% busy; ", busy * 100))
            .orElse("")
        + processes;
  }
}
