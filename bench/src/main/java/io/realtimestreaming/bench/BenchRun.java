package io.realtimestreaming.bench;

import io.realtimestreaming.bench.BenchPlan.Suite;
import io.realtimestreaming.bench.app.IngestServiceInstance;
import io.realtimestreaming.bench.app.Scratch;
import io.realtimestreaming.bench.app.StreamJobInstance;
import io.realtimestreaming.bench.ingest.IngestSuite;
import io.realtimestreaming.bench.latency.LatencySuite;
import io.realtimestreaming.bench.profile.HotMethods;
import io.realtimestreaming.bench.raw.RawKafka;
import io.realtimestreaming.bench.raw.UserPool;
import io.realtimestreaming.bench.report.BenchReport;
import io.realtimestreaming.bench.report.LatencySummary;
import io.realtimestreaming.bench.report.Measurement;
import io.realtimestreaming.bench.report.TargetCheck;
import io.realtimestreaming.bench.report.Targets;
import io.realtimestreaming.bench.stream.StreamSuite;
import io.realtimestreaming.devstack.stack.ChildProcesses;
import io.realtimestreaming.devstack.stack.ExitCleanup;
import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.stream.settings.CassandraTarget;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One bench run: the suites of the plan in order, each on instances and scratch resources of its
 * own, all of which go afterwards; then the figures set against every target.
 */
final class BenchRun {

  private static final int KAFKA_RECORD_BYTES = 500; // about an Avro user

  /** How long a suite waits for a quiet machine before it is measured anyway. */
  static final Duration SETTLE_AT_MOST = Duration.ofMinutes(3);

  private final StackSettings settings;
  private final BenchPlan plan;
  private final int inFlight;
  private final PrintStream out;

  BenchRun(StackSettings settings, BenchPlan plan, int inFlight, PrintStream out) {
    this.settings = settings;
    this.plan = plan;
    this.inFlight = inFlight;
    this.out = out;
  }

  BenchReport run(String id, String command) throws Exception {
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    double loadBefore = loadAverage();
    Scratch scratch = new Scratch(id, settings);
    List<Measurement> throughput = new ArrayList<>();
    List<Measurement> rawPostgres = new ArrayList<>();
    List<HotMethods> profiles = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Measurement ingest = null;
    Measurement rawCassandra = null;
    Measurement stream = null;
    LatencySummary latency = null;
    String durability = "not measured";
    out.printf(
        "bench run %s: %s; scratch %s*, files in %s%n",
        id, plan.suites(), scratch.prefix(), scratch.dir());
    try (ExitCleanup cleanup = ExitCleanup.register("bench-cleanup", () -> cleanUp(scratch))) {
      UserPool pool =
          UserPool.fetch(
              "http://" + settings.host() + ":" + settings.port("randomuser") + "/api/1.4/");
      if (plan.suites().contains(Suite.INGEST)) {
        settle("ingest", notes);
        List<String> overrides = new ArrayList<>(plan.ingestOverrides());
        overrides.add("ingest.runs.concurrency=" + plan.ingestRuns());
        try (IngestServiceInstance service = ingestService(scratch, "ingest", overrides)) {
          IngestSuite.Result r = new IngestSuite(settings, scratch, plan, out).run(service, pool);
          rawPostgres.addAll(r.raw());
          throughput.addAll(r.raw());
          throughput.add(r.service());
          ingest = r.service();
          durability = r.durability();
          profiles.addAll(r.profiles());
          notes.addAll(r.notes());
        }
        throughput.add(rawKafka(scratch));
      }
      if (plan.suites().contains(Suite.STREAM)) {
        StreamSuite suite = new StreamSuite(settings, scratch, plan, out);
        notes.add(suite.warmCassandra(pool, inFlight));
        settle("stream", notes);
        StreamSuite.Result r = suite.run(pool, inFlight);
        throughput.add(r.raw());
        throughput.add(r.stream());
        rawCassandra = r.raw();
        stream = r.stream();
        profiles.addAll(r.profiles());
        notes.addAll(r.notes());
      }
      if (plan.suites().contains(Suite.LATENCY)) {
        settle("latency", notes);
        try (IngestServiceInstance service =
                ingestService(scratch, "latency", plan.ingestOverrides());
            StreamJobInstance job =
                StreamJobInstance.start(
                    settings, scratch, "latency", plan.sparkUiPort(), streamOptions(), out)) {
          LatencySuite.Result r = new LatencySuite(settings, scratch, plan, out).run(service, job);
          latency = r.latency();
          profiles.addAll(r.profiles());
          notes.addAll(r.notes());
        }
      }
    }
    notes.add(
        "The bench's instances run as the devstack runs the services: the ingest service on a fixed"
            + " heap of "
            + settings.heap("ingest-service")
            + ", the stream job in local["
            + StreamJobInstance.TASKS
            + "] on a heap of "
            + settings.heap("stream-job")
            + "; the stores are the stack's, shared with whatever else runs on the machine.");
    List<TargetCheck> targets =
        Targets.evaluate(rawPostgres, ingest, rawCassandra, stream, latency, plan.usersPerSecond());
    return new BenchReport(
        id,
        started.toString(),
        command,
        plan.suites().stream().sorted().map(s -> s.name().toLowerCase(Locale.ROOT)).toList(),
        new BenchReport.Machine(
            Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage()),
        durability,
        configuration(),
        throughput,
        latency,
        targets,
        Targets.exitStatus(targets),
        profiles,
        notes);
  }

  /**
   * Stops the processes the run started (its instances, a producer run) and drops its scratch
   * resources: at the run's end, or when the bench is stopped midway (Ctrl-C, SIGTERM), where the
   * instances are still running and would hold the scratch tables open.
   */
  private void cleanUp(Scratch scratch) {
    List<ProcessHandle> started = ProcessHandle.current().descendants().toList();
    if (!started.isEmpty()) {
      out.printf(
          "%n== stopping the run's processes: PIDs %s%n",
          started.stream().map(ProcessHandle::pid).toList());
      ChildProcesses.stop(started, Duration.ofSeconds(20));
    }
    out.printf("%n== cleaning up %s*%n", scratch.prefix());
    scratch.dropAll(out);
  }

  private IngestServiceInstance ingestService(Scratch scratch, String suite, List<String> overrides)
      throws Exception {
    return IngestServiceInstance.start(settings, scratch, suite, plan.ingestPort(), overrides, out);
  }

  private List<String> streamOptions() {
    List<String> options = new ArrayList<>(List.of("--cassandra-max-in-flight=" + inFlight));
    options.addAll(plan.streamOptions());
    return options;
  }

  /** The broker's own produce rate, for the reader: no target rests on it. */
  private Measurement rawKafka(Scratch scratch) throws Exception {
    out.printf("%n== raw Kafka: kafka-tools' ProducerPerformance, %,d records%n", plan.users());
    List<Double> rates = new ArrayList<>();
    for (int round = 1; round <= plan.rounds(); round++) {
      rates.add(
          new RawKafka(settings, out)
              .produce(scratch.topic("produce_" + round), plan.users(), KAFKA_RECORD_BYTES)
              .recordsPerSecond());
    }
    return new Measurement(
        RawKafka.NAME,
        String.format(
            Locale.ROOT,
            "%,d records of %d bytes per round, 3 partitions, acks=all, idempotent, linger 5 ms",
            plan.users(),
            KAFKA_RECORD_BYTES),
        "records/s",
        rates);
  }

  /** What the services ran with beyond their defaults, as the bench's flags set it. */
  private List<String> configuration() {
    List<String> set = new ArrayList<>();
    plan.ingestOverrides().forEach(o -> set.add("ingest-service " + o));
    plan.streamOptions().forEach(o -> set.add("stream-job " + o));
    if (inFlight != CassandraTarget.DEFAULT_MAX_IN_FLIGHT) {
      set.add("in flight " + inFlight);
    }
    return set;
  }

  /** Waits for a quiet machine before a suite, as the plan says, noting the load it started at. */
  private void settle(String suite, List<String> notes) throws InterruptedException {
    if (plan.settleLoad() <= 0) {
      return;
    }
    QuietMachine.Settled settled =
        new QuietMachine(
                BenchRun::loadAverage,
                System::nanoTime,
                d -> Thread.sleep(d.toMillis()),
                plan.settleLoad(),
                SETTLE_AT_MOST,
                out)
            .await();
    notes.add(settled.describe(suite));
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
