package io.realtimestreaming.bench.report;

import io.realtimestreaming.bench.profile.HotMethods;
import java.util.List;

/**
 * Everything one bench run measured, as written to bench/results/&lt;id&gt;.json.
 *
 * @param id the run's timestamp, yyyyMMdd_HHmmss (UTC), which names its files
 * @param command the command line that produced it, exactly as typed
 * @param suites the suites that ran
 * @param postgresDurability the PostgreSQL settings the ingest figures depend on
 * @param configuration what the services ran with beyond their defaults (the bench's flags)
 * @param throughput every rate measured, raw and pipeline, each with all its rounds
 * @param latency the offered load's end-to-end latency, or null
 * @param exitStatus 0 all targets met, 3 one missed, 4 none missed but one inconclusive
 * @param profiles where the services spent their CPU while measured (JFR), when asked for
 * @param notes how figures were measured, and anything that went wrong
 */
public record BenchReport(
    String id,
    String startedAt,
    String command,
    List<String> suites,
    Machine machine,
    String postgresDurability,
    List<String> configuration,
    List<Measurement> throughput,
    LatencySummary latency,
    List<TargetCheck> targets,
    int exitStatus,
    List<HotMethods> profiles,
    List<String> notes) {

  /**
   * @param loadBefore the 1-minute load average as the run started
   * @param loadAfter the same as it ended
   */
  public record Machine(int cores, double loadBefore, double loadAfter) {}
}
