package io.realtimestreaming.devstack.bench;

import java.util.List;

/**
 * Everything one {@code ./pipeline bench} measured, as written to bench/results/&lt;id&gt;.json.
 *
 * @param id the run's timestamp, yyyyMMdd-HHmmss (UTC), which names its files
 * @param command the command line that produced it
 * @param machine cores and load average before → after, e.g. "2 cores, load 1.9 → 4.2"
 * @param postgresDurability the PostgreSQL settings the raw and ingest figures depend on
 * @param kafka kafka-tools' own summary of the raw produce phase, latencies included
 * @param profiles where the services spent their CPU during the full-speed run (JFR)
 * @param notes how figures were measured, and anything that went wrong
 */
public record BenchReport(
    String id,
    String startedAt,
    String command,
    int users,
    String machine,
    String postgresDurability,
    List<Throughput> throughput,
    ProducerPerformanceSummary kafka,
    List<LatencySummary> latency,
    List<TargetCheck> targets,
    List<HotMethods> profiles,
    List<String> notes) {}
