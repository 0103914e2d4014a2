package io.realtimestreaming.devstack.bench;

import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.model.ingest.IngestClient;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./pipeline bench}: the raw stores first, then the pipeline on the same stack, and the
 * figures set against the targets.
 */
public final class Benchmark {

  private final StackSettings settings;
  private final String apiKey;
  private final BenchServices services;
  private final PrintStream out;

  public Benchmark(StackSettings settings, String apiKey, BenchServices services, PrintStream out) {
    this.settings = settings;
    this.apiKey = apiKey;
    this.services = services;
    this.out = out;
  }

  /**
   * @param id names the run's files and scratch tables, e.g. 20261125-151500
   * @param streamJobRunning whether the stream job ran before the bench (then it is not restarted)
   */
  public BenchReport run(BenchPlan plan, String id, String command, boolean streamJobRunning)
      throws Exception {
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    double loadBefore = loadAverage();
    RawPhases.Result raw = new RawPhases(settings, out).run(plan, id);
    List<Throughput> throughput =
        new ArrayList<>(
            List.of(raw.postgresBatch(), raw.postgresCopy(), raw.kafka(), raw.cassandra()));
    List<String> notes = new ArrayList<>();
    notes.add(
        "PostgreSQL is the embedded dev server with "
            + raw.postgresDurability()
            + ": commits skip the disk flush, so raw and ingest rates are above what a durable server gives.");
    notes.add(
        String.format(
            Locale.ROOT,
            "Raw phases: %,d distinct ids over %,d real randomuser records (raw JSON included) generated before timing;"
                + " PostgreSQL batches of %d with reWriteBatchedInserts; Kafka records of %d bytes, acks=all, idempotent,"
                + " linger 10 ms; Cassandra prepared INSERTs at LOCAL_QUORUM, %d in flight.",
            plan.users(),
            BenchUsers.POOL_SIZE,
            RawPostgres.BATCH,
            plan.recordSize(),
            RawCassandra.IN_FLIGHT));
    List<LatencySummary> latency = List.of();
    List<HotMethods> profiles = List.of();
    PipelinePhases.Result pipeline = null;
    if (!plan.rawOnly()) {
      IngestClient api =
          new IngestClient(
              "http://" + settings.host() + ":" + settings.port("ingest-service"), apiKey);
      pipeline = new PipelinePhases(settings, api, services, out).run(plan, id, streamJobRunning);
      throughput.add(pipeline.ingest());
      throughput.add(pipeline.stream());
      latency = pipeline.latency();
      profiles = pipeline.profiles();
      notes.addAll(pipeline.notes());
      notes.add(
          "Latency = the row's Cassandra write time (WRITETIME, stamped by the sink's driver when it sends the write)"
              + " minus, for the offered load, its run's finished_at, stamped in the run's one transaction just before the"
              + " commit, or minus the user's ingested_at, stamped when its page was mapped, after the fetch and before"
              + " the page's transaction, which over-estimates by that transaction's time.");
    }
    List<TargetCheck> targets =
        Targets.evaluate(
            raw.postgresBatch(),
            raw.cassandra(),
            pipeline == null ? null : pipeline.ingest(),
            pipeline == null ? null : pipeline.stream(),
            latency.stream()
                .filter(l -> l.from().equals("PostgreSQL commit"))
                .findFirst()
                .orElse(null));
    String machine =
        String.format(
            Locale.ROOT,
            "%d cores, load average %.1f → %.1f",
            Runtime.getRuntime().availableProcessors(),
            loadBefore,
            loadAverage());
    return new BenchReport(
        id,
        started.toString(),
        command,
        plan.users(),
        machine,
        raw.postgresDurability(),
        throughput,
        raw.kafkaSummary(),
        latency,
        targets,
        profiles,
        notes);
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
