package io.realtimestreaming.bench.latency;

import com.datastax.oss.driver.api.core.CqlSession;
import io.realtimestreaming.bench.BenchPlan;
import io.realtimestreaming.bench.app.IngestServiceInstance;
import io.realtimestreaming.bench.app.Scratch;
import io.realtimestreaming.bench.app.StreamJobInstance;
import io.realtimestreaming.bench.profile.HotMethods;
import io.realtimestreaming.bench.profile.JfrProfile;
import io.realtimestreaming.bench.report.LatencySummary;
import io.realtimestreaming.bench.stream.StreamBatches;
import io.realtimestreaming.devstack.cql.CqlSessions;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The latency suite: an open-loop offered load through the whole pipeline (the bench's ingest
 * service and stream job on a topic of their own), each user's latency counted from its request's
 * scheduled send time to the moment the stream job had its row's write acknowledged by Cassandra.
 *
 * <p>The load runs {@code warmUpSeconds} first, unmeasured, then {@code latencySeconds} measured,
 * without a pause: a request every {@code requestUsers × 1000 / usersPerSecond} ms, so the load is
 * spread evenly at that granularity. Every user of a measured request is a sample: one whose
 * request was refused, or who had not landed a minute after the last request, is a failure.
 */
public final class LatencySuite {

  public record Result(LatencySummary latency, List<HotMethods> profiles, List<String> notes) {}

  private static final int PRIMING_USERS = 1000;

  private final StackSettings settings;
  private final Scratch scratch;
  private final BenchPlan plan;
  private final PrintStream out;

  public LatencySuite(StackSettings settings, Scratch scratch, BenchPlan plan, PrintStream out) {
    this.settings = settings;
    this.scratch = scratch;
    this.plan = plan;
    this.out = out;
  }

  /** Both instances run on the suite's topic ("latency"). */
  public Result run(IngestServiceInstance service, StreamJobInstance job) throws Exception {
    long interval = plan.requestIntervalMillis();
    int warmUp = (int) (plan.warmUpSeconds() * 1000L / interval);
    int measured = (int) (plan.latencySeconds() * 1000L / interval);
    String phase =
        f(
            "%,d users/s offered: a request of %d users every %d ms, open loop, for %d s after %d s"
                + " unmeasured",
            plan.usersPerSecond(),
            plan.requestUsers(),
            interval,
            plan.latencySeconds(),
            plan.warmUpSeconds());
    out.printf("%n== latency: %s%n", phase);
    prime(service);
    List<HotMethods> profiles = new ArrayList<>();
    List<OfferedLoad.Request> all;
    String cpu;
    String compiles;
    // the recordings start before the clocks and stop after them: their jcmd calls, and reading
    // a recording back, are not the load's time or CPU
    try (Recordings recordings = record(service, job)) {
      double ingestCpu = service.cpuSeconds();
      double streamCpu = job.cpuSeconds();
      long loadStart = System.nanoTime();
      JitActivity jit = JitActivity.measuredAfter(warmUp * interval, service.pid(), job.pid());
      all =
          OfferedLoad.run(
              service.api(),
              plan.requestUsers(),
              interval,
              warmUp + measured,
              "bench-" + scratch.id() + "-offered",
              out);
      double seconds = (System.nanoTime() - loadStart) / 1e9;
      cpu =
          f(
              "CPU while the load ran (%.0f s, %d cores: %.0f core-seconds): ingest service %.1f,"
                  + " stream job %.1f core-seconds",
              seconds,
              Runtime.getRuntime().availableProcessors(),
              seconds * Runtime.getRuntime().availableProcessors(),
              service.cpuSeconds() - ingestCpu,
              job.cpuSeconds() - streamCpu);
      compiles = jit.describe(plan.latencySeconds());
      profiles.addAll(recordings.stop("the offered load, its warm-up included"));
    }
    List<OfferedLoad.Request> counted = all.subList(warmUp, all.size());
    LocalDateTime from = LocalDateTime.now().minusSeconds(plan.latencySeconds());
    List<UUID> runs = counted.stream().filter(r -> r.runId() != null).map(r -> r.runId()).toList();
    long lastDue = counted.get(counted.size() - 1).scheduledMillis();
    Map<UUID, Landings.Run> landed;
    try (CqlSession session = CqlSessions.open(settings)) {
      landed =
          new Landings(session, scratch.keyspace(), scratch.ledgerTable("latency"))
              .await(service.api(), runs, lastDue + 60_000, out);
    }
    LocalDateTime to = LocalDateTime.now();

    List<Long> latencies = new ArrayList<>();
    long failures = 0;
    long refused = 0;
    String firstRefusal = null;
    long lateSends = 0;
    for (OfferedLoad.Request request : counted) {
      lateSends += request.sentMillis() - request.scheduledMillis() > 10 ? 1 : 0;
      if (request.runId() == null) {
        refused++;
        failures += plan.requestUsers();
        firstRefusal = firstRefusal == null ? request.refusal() : firstRefusal;
        continue;
      }
      Map<UUID, Long> times = landed.get(request.runId()).landedMillis();
      failures += Math.max(0, plan.requestUsers() - times.size());
      times.values().forEach(t -> latencies.add(t - request.scheduledMillis()));
    }
    LatencySummary summary =
        LatencySummary.of(
            phase,
            "the request's scheduled send time",
            "the stream job had the row's write acknowledged by Cassandra (its run ledger's"
                + " recorded_at)",
            latencies.stream().mapToLong(Long::longValue).toArray(),
            failures);
    List<String> notes = new ArrayList<>();
    notes.add(
        f(
            "Latency: %,d requests measured, %,d refused%s; %,d sent over 10 ms late by the bench"
                + " itself.",
            counted.size(),
            refused,
            firstRefusal == null ? "" : " (the first: " + firstRefusal + ")",
            lateSends));
    notes.add(
        "Where the latency goes: "
            + Breakdown.of(settings, scratch, counted, landed).describe()
            + ".");
    notes.add(cpu + ".");
    notes.add(compiles);
    notes.add("Stream batches while measured: " + StreamBatches.summary(job.log(), from, to) + ".");
    return new Result(summary, profiles, notes);
  }

  /** JFR recordings of both instances, when the plan asks for a profile (none otherwise). */
  private Recordings record(IngestServiceInstance service, StreamJobInstance job) {
    if (!plan.profile()) {
      return new Recordings(List.of());
    }
    List<JfrProfile> started = new ArrayList<>();
    JfrProfile.start(service.pid(), "ingest-service-latency", scratch.dir(), scratch.id(), out)
        .ifPresent(started::add);
    JfrProfile.start(job.pid(), "stream-job-latency", scratch.dir(), scratch.id(), out)
        .ifPresent(started::add);
    return new Recordings(started);
  }

  private record Recordings(List<JfrProfile> started) implements AutoCloseable {

    List<HotMethods> stop(String phase) {
      return started.stream().flatMap(r -> r.stop(phase).stream()).toList();
    }

    @Override
    public void close() {
      started.forEach(JfrProfile::close);
    }
  }

  /**
   * One run of {@value #PRIMING_USERS} users through the whole pipeline, awaited, before any load:
   * the instances have just started, and their first batches (JIT, first connections) would
   * otherwise build a backlog that the warm-up's seconds cannot drain.
   */
  private void prime(IngestServiceInstance service) throws Exception {
    long start = System.nanoTime();
    UUID run = service.api().start(PRIMING_USERS, "bench-" + scratch.id() + "-priming");
    try (CqlSession session = CqlSessions.open(settings)) {
      Landings.Run primed =
          new Landings(session, scratch.keyspace(), scratch.ledgerTable("latency"))
              .await(service.api(), List.of(run), System.currentTimeMillis() + 180_000, out)
              .get(run);
      out.printf(
          "  primed with %,d users in %.1f s (%,d landed)%n",
          PRIMING_USERS, (System.nanoTime() - start) / 1e9, primed.landedMillis().size());
    }
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
