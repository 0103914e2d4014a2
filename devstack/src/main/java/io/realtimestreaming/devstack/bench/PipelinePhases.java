package io.realtimestreaming.devstack.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import io.realtimestreaming.devstack.cql.CqlSessions;
import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.model.ingest.IngestClient;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pipeline's phases: a warm-up run, the full-speed run (ingest and stream rates, latency of
 * every row), then the offered load (latency at a steady 1,000 users/s). The warm-up is half the
 * full-speed run ({@link BenchPlan#pipelineWarmUpUsers}); a stream job started for the backlog
 * streams the warm-up's users first, so both services are warm when the timed rows pass.
 *
 * <p>When the bench may start the stream job itself, the full-speed run is ingested with the stream
 * job stopped and streamed once the stream job starts: on two shared cores the two would otherwise
 * take CPU from each other, and the stream could go no faster than the ingest feeds it. Each rate
 * is then the stage's own. When the stream job already runs (someone else's), both go at once and
 * the report says so.
 */
final class PipelinePhases {

  record Result(
      Throughput ingest,
      Throughput stream,
      List<LatencySummary> latency,
      List<HotMethods> profiles,
      List<String> notes) {}

  private final StackSettings settings;
  private final IngestClient api;
  private final BenchServices services;
  private final PrintStream out;
  private final List<JfrProfile> recordings = new ArrayList<>();

  PipelinePhases(
      StackSettings settings, IngestClient api, BenchServices services, PrintStream out) {
    this.settings = settings;
    this.api = api;
    this.services = services;
    this.out = out;
  }

  Result run(BenchPlan plan, String id, boolean streamJobRunning) throws Exception {
    List<String> notes = new ArrayList<>();
    List<LatencySummary> latency = new ArrayList<>();
    boolean sequential = !streamJobRunning;
    require(
        sequential
            ? services.up(List.of("ingest-service"))
            : services.up(List.of("ingest-service", "stream-job")));
    try (CqlSession session = CqlSessions.open(settings)) {
      CassandraWrites writes = new CassandraWrites(session);
      LandingTimes landing = new LandingTimes(settings, session, out);
      FullSpeedRun fullSpeed = new FullSpeedRun(api, writes, out);
      Instant deadline = Instant.now().plus(plan.timeout());
      long writesBefore = writes.count();

      out.printf(
          "%n== warm-up: %,d users through the ingest service%n", plan.pipelineWarmUpUsers());
      long warmUpStored =
          fullSpeed
              .ingest(plan.pipelineWarmUpUsers(), "bench-" + id + "-warmup", deadline)
              .stored();
      notes.add(
          sequential
              ? String.format(
                  "Warm-up, not timed: %,d users through the ingest service, streamed by the stream job before"
                      + " the full-speed run's users. The raw Cassandra phase and the stream each start once Cassandra has no"
                      + " compaction running.",
                  plan.pipelineWarmUpUsers())
              : String.format(
                  "Warm-up, not timed: %,d users through the ingest service before the full-speed run. The raw"
                      + " Cassandra phase starts once Cassandra has no compaction running.",
                  plan.pipelineWarmUpUsers()));

      out.printf(
          "%n== pipeline at full speed: %,d users (%s)%n",
          plan.users(),
          sequential
              ? "ingested with the stream job stopped, then streamed"
              : "ingested and streamed at once");
      List<HotMethods> profiles = new ArrayList<>();
      Optional<JfrProfile> ingestProfile = profile(plan, "ingest-service", id);
      Optional<JfrProfile> streamProfile =
          sequential ? Optional.empty() : profile(plan, "stream-job", id);
      FullSpeedRun.Result run = fullSpeed.ingest(plan.users(), "bench-" + id + "-full", deadline);
      long streamReady = 0;
      if (sequential) {
        ingestProfile.flatMap(p -> p.stop("ingesting the full-speed run")).ifPresent(profiles::add);
        CassandraCompactions.awaitNone(session, out);
        out.println("  starting the stream job to stream the backlog");
        require(services.up(List.of("stream-job")));
        streamReady = System.currentTimeMillis();
        streamProfile = profile(plan, "stream-job", id);
        notes.add(
            String.format(
                "The bench started the stream job with trigger interval '%s' and at most %s records per"
                    + " micro-batch (STREAM_TRIGGER_INTERVAL, STREAM_MAX_OFFSETS_PER_TRIGGER).",
                System.getenv().getOrDefault("STREAM_TRIGGER_INTERVAL", "500 milliseconds"),
                System.getenv().getOrDefault("STREAM_MAX_OFFSETS_PER_TRIGGER", "20000")));
      }
      // the warm-up's users are streamed first when the stream job starts now
      new RunWatch(api, writes, out)
          .awaitWrites(writesBefore, warmUpStored + run.stored(), deadline);
      String streaming =
          sequential
              ? "streaming the full-speed run's backlog"
              : "ingesting and streaming the full-speed run";
      if (!sequential) {
        ingestProfile.flatMap(p -> p.stop(streaming)).ifPresent(profiles::add);
      }
      streamProfile.flatMap(p -> p.stop(streaming)).ifPresent(profiles::add);
      RowTimes rows = landing.await(run.runIds(), deadline);
      // sequential: from the stream's first row written; at once: from the first user Kafka had
      long streamStart = sequential ? rows.firstVisible() : run.firstPublished().toEpochMilli();
      Throughput stream =
          new Throughput(
              "pipeline stream (Kafka → Cassandra)",
              rows.visibleAt().length,
              (rows.lastVisible() - streamStart) / 1000.0);
      if (rows.missing() > 0) {
        notes.add(
            String.format(
                "%,d users of the full-speed run never reached Cassandra", rows.missing()));
      }
      if (!sequential) {
        latency.add(
            LatencySummary.of(
                String.format("full speed, %,d users", plan.users()),
                "ingested_at",
                rows.latenciesFromIngested()));
      }

      out.printf(
          "%n== offered load: %,d users/s for %d s, one run a second%n",
          plan.usersPerSecond(), plan.latencySeconds());
      OfferedLoad.Result offered =
          new OfferedLoad(api, writes, out)
              .run(
                  plan.usersPerSecond(),
                  plan.latencySeconds(),
                  "bench-" + id + "-offered",
                  deadline);
      RowTimes offeredRows = landing.await(offered.runIds(), deadline);
      String phase = String.format("%,d users/s offered", plan.usersPerSecond());
      latency.add(LatencySummary.of(phase, "PostgreSQL commit", offeredRows.latenciesFromCommit()));
      latency.add(LatencySummary.of(phase, "ingested_at", offeredRows.latenciesFromIngested()));
      if (offered.refused() > 0) {
        notes.add(
            String.format(
                "the ingest service refused %d of %d runs of the offered load (503, run pool full):"
                    + " %.0f users/s were really offered",
                offered.refused(), plan.latencySeconds(), offered.offeredUsersPerSecond()));
      }
      if (offeredRows.missing() > 0) {
        notes.add(
            String.format(
                "%,d users of the offered load never reached Cassandra", offeredRows.missing()));
      }
      notes.add(
          sequential
              ? String.format(
                  "Full-speed run: ingested with the stream job stopped, then streamed by the started stream job;"
                      + " stream rate = rows / (last row written − first row written), which leaves out the first micro-batch's"
                      + " read and decode before its first write; the whole backlog (the warm-up's %,d users first) from the"
                      + " moment the stream job was ready, Spark's start-up and cold first batches included, went at %,.0f rows/s.",
                  warmUpStored,
                  (warmUpStored + rows.visibleAt().length)
                      / Math.max(0.001, (rows.lastVisible() - streamReady) / 1000.0))
              : "Full-speed run: ingested and streamed at once (the stream job was already running); stream rate ="
                  + " rows / (last row written − first user acknowledged by Kafka), bounded by the ingest rate.");
      return new Result(run.ingest(), stream, latency, profiles, notes);
    } finally {
      recordings.forEach(JfrProfile::close);
    }
  }

  private Optional<JfrProfile> profile(BenchPlan plan, String service, String id) {
    Optional<JfrProfile> profile =
        plan.profile()
            ? JfrProfile.start(services, service, settings.home().resolve("bench"), id, out)
            : Optional.empty();
    profile.ifPresent(recordings::add);
    return profile;
  }

  private static void require(boolean ready) {
    if (!ready) {
      throw new IllegalStateException(
          "the pipeline's services did not start; see ./pipeline status and ./pipeline logs <service>");
    }
  }
}
