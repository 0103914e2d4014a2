package io.realtimestreaming.bench.stream;

import com.datastax.oss.driver.api.core.CqlSession;
import io.realtimestreaming.bench.BenchPlan;
import io.realtimestreaming.bench.app.Scratch;
import io.realtimestreaming.bench.app.StreamJobInstance;
import io.realtimestreaming.bench.profile.CpuReading;
import io.realtimestreaming.bench.profile.HotMethods;
import io.realtimestreaming.bench.profile.JfrProfile;
import io.realtimestreaming.bench.raw.RawCassandra;
import io.realtimestreaming.bench.raw.UserPool;
import io.realtimestreaming.bench.report.Measurement;
import io.realtimestreaming.devstack.cql.CqlSessions;
import io.realtimestreaming.devstack.stack.PidFiles;
import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.ingest.users.FetchedUser;
import io.realtimestreaming.model.User;
import io.realtimestreaming.stream.settings.CassandraTarget;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * The stream suite: the stream job's rate from Kafka into Cassandra against the sink's own writer
 * alone, at the same parallelism, for the same users.
 *
 * <p>{@code W + rounds × N} users (W = the warm-up, {@link BenchPlan#streamWarmUpRows()}) are put
 * on a topic of the bench's first. Raw: the sink's writer writes the same users into a table of its
 * own, W unmeasured, then N per round, {@code rounds} times, into the growing table ({@link
 * RawCassandra}). Stream: the bench's stream job reads the topic from the start into its own table;
 * the rate of each window of N rows after the first W is one round. Both sides face the same table
 * growth and the compactions it brings, and each starts once Cassandra runs no compaction. A
 * Cassandra that started recently is warmed before the suite ({@link #warmCassandra}): the side
 * timed first would otherwise pay for its warm-up. What the warm-up took on each side, and the CPU
 * each side used while measured, go into the notes.
 */
public final class StreamSuite {

  public record Result(
      Measurement raw, Measurement stream, List<HotMethods> profiles, List<String> notes) {}

  public static final String STREAM = "stream job (Kafka → Cassandra)";

  /** Users per run on the topic: a run is at most 100,000 users (the API's limit). */
  private static final int RUN_SIZE = 100_000;

  private static final long POLL_MILLIS = 50;

  private final StackSettings settings;
  private final Scratch scratch;
  private final BenchPlan plan;
  private final PrintStream out;

  public StreamSuite(StackSettings settings, Scratch scratch, BenchPlan plan, PrintStream out) {
    this.settings = settings;
    this.scratch = scratch;
    this.plan = plan;
    this.out = out;
  }

  /**
   * Warms a Cassandra that started recently ({@link CassandraWarmUp}), as many users as the suite
   * writes at a time into a table of their own; run before the machine is let settle for the suite,
   * so that the load it raises has fallen when either side is timed. Answers the report's note.
   */
  public String warmCassandra(UserPool pool, int inFlight) throws Exception {
    try (CqlSession session = CqlSessions.open(settings)) {
      return CassandraWarmUp.ensure(
          session,
          target("warm", inFlight),
          settings.cassandraReplication(),
          users(pool, plan.streamWarmUpRows() + plan.rounds() * plan.users()),
          plan.cassandraWarmRequests(),
          out);
    }
  }

  public Result run(UserPool pool, int inFlight) throws Exception {
    int warmUp = plan.streamWarmUpRows();
    int n = plan.users();
    List<User> users = users(pool, warmUp + plan.rounds() * n);
    out.printf("%n== stream: %,d users on a topic of the bench's%n", users.size());
    TopicFeed.publish(settings, scratch.topic("stream"), users, out);
    String how =
        String.format(
            Locale.ROOT,
            "%,d rows per round after %,d unmeasured, %d tasks × %d in flight, LOCAL_QUORUM",
            n,
            warmUp,
            StreamJobInstance.TASKS,
            inFlight);

    List<Double> raw = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    try (CqlSession session = CqlSessions.open(settings)) {
      out.printf("%n== raw Cassandra: the sink's writer, %s%n", how);
      CassandraCompactions.awaitNone(session, out);
      try (RawCassandra writer =
          new RawCassandra(target("raw", inFlight), settings.cassandraReplication())) {
        double warmUpRate =
            rate(
                "warm-up, not counted",
                writer.write(users.subList(0, warmUp), StreamJobInstance.TASKS, out));
        Map<String, Long> processes =
            processes("the raw writer (the bench)", ProcessHandle.current().pid());
        CpuReading before = CpuReading.now(processes);
        for (int round = 0; round < plan.rounds(); round++) {
          List<User> slice = users.subList(warmUp + round * n, warmUp + (round + 1) * n);
          raw.add(
              rate(
                  RawCassandra.NAME + ", round " + (round + 1),
                  writer.write(slice, StreamJobInstance.TASKS, out)));
        }
        notes.add(
            String.format(
                Locale.ROOT,
                "The raw writer wrote its %,d warm-up rows at %,.0f rows/s. Over its %.1f s of"
                    + " measured rounds: %s.",
                warmUp,
                warmUpRate,
                raw.stream().mapToDouble(rate -> n / rate).sum(),
                CpuReading.now(processes).since(before)));
      }
      CassandraCompactions.awaitNone(session, out);

      out.printf("%n== stream job: the topic into its own table, %s%n", how);
      List<HotMethods> profiles = new ArrayList<>();
      LocalDateTime from;
      List<Double> stream;
      List<String> options = new ArrayList<>(plan.streamOptions());
      options.add(0, "--cassandra-max-in-flight=" + inFlight);
      long launched = System.nanoTime();
      try (StreamJobInstance job =
          StreamJobInstance.start(settings, scratch, "stream", plan.sparkUiPort(), options, out)) {
        TableWrites writes = new TableWrites(session, scratch.keyspace(), scratch.table("stream"));
        Optional<JfrProfile> recording = Optional.empty();
        from = LocalDateTime.now();
        long[] marks = new long[plan.rounds() + 1];
        Map<String, Long> processes = processes("the job", job.pid());
        CpuReading before = null;
        for (int k = 0; k <= plan.rounds(); k++) {
          marks[k] = awaitWrites(writes, warmUp + (long) k * n);
          if (k == 0) {
            before = CpuReading.now(processes);
            if (plan.profile()) {
              recording =
                  JfrProfile.start(job.pid(), "stream-job", scratch.dir(), scratch.id(), out);
            }
          }
        }
        String cpu = CpuReading.now(processes).since(before);
        recording.flatMap(r -> r.stop("its measured windows")).ifPresent(profiles::add);
        notes.add(
            String.format(
                Locale.ROOT,
                "The stream job wrote its %,d warm-up rows %.1f s after it was launched (its"
                    + " start-up included). Over its %.1f s of measured windows: %s.",
                warmUp,
                (marks[0] - launched) / 1e9,
                (marks[plan.rounds()] - marks[0]) / 1e9,
                cpu));
        stream = new ArrayList<>();
        for (int k = 1; k <= plan.rounds(); k++) {
          stream.add(rate(STREAM + ", round " + k, n / ((marks[k] - marks[k - 1]) / 1e9)));
        }
        notes.add(
            "Stream batches over the run: "
                + StreamBatches.summary(job.log(), from, LocalDateTime.now())
                + ".");
      }
      notes.add(
          "Stream: the job's rate is that of each window of "
              + String.format(Locale.ROOT, "%,d", n)
              + " rows written after the first "
              + String.format(Locale.ROOT, "%,d", warmUp)
              + " (its start-up and warm-up), read from Cassandra's write count of its table"
              + " every 50 ms; the raw writer writes the same users into a table of its own, as"
              + " many unmeasured first. The job also writes its run ledger; the raw writer does"
              + " not.");
      return new Result(
          new Measurement(RawCassandra.NAME, how, "rows/s", raw),
          new Measurement(STREAM, how, "rows/s", stream),
          profiles,
          notes);
    }
  }

  /** Waits until the table has taken {@code count} writes; answers when, in nanoTime. */
  private long awaitWrites(TableWrites writes, long count) throws Exception {
    long start = System.nanoTime();
    long deadline = start + 10L * 60 * 1_000_000_000L;
    long nextLine = start + 1_000_000_000L;
    while (true) {
      long now = System.nanoTime();
      long written = writes.count();
      if (written >= count) {
        return now;
      }
      if (now > deadline) {
        throw new TimeoutException(
            String.format(
                "the stream job wrote %,d of %,d rows in 10 minutes; see %s",
                written, count, scratch.dir()));
      }
      if (now >= nextLine) {
        nextLine += 1_000_000_000L;
        out.printf("  Cassandra writes %,d of %,d%n", written, count);
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** The sink's settings, writing into the bench's tables {@code name}. */
  private CassandraTarget target(String name, int inFlight) {
    return new CassandraTarget(
        List.of(settings.host() + ":" + settings.port("cassandra")),
        CqlSessions.LOCAL_DATACENTER,
        scratch.keyspace(),
        scratch.table(name),
        scratch.ledgerTable(name),
        CassandraTarget.DEFAULT_CONSISTENCY,
        inFlight);
  }

  /** The users, a run per {@value #RUN_SIZE}, each its own growing version. */
  private static List<User> users(UserPool pool, int count) {
    List<User> users = new ArrayList<>(count);
    long version = micros(Instant.now());
    for (int from = 0; from < count; from += RUN_SIZE) {
      int size = Math.min(RUN_SIZE, count - from);
      for (FetchedUser u : pool.users(size, UUID.randomUUID(), Instant.now(), version)) {
        users.add(u.user().withVersion(version++));
      }
    }
    return users;
  }

  /**
   * The processes whose CPU a side's measurement notes: the side's own, the stack's Cassandra and
   * Kafka where they run, and the bench where it is not the side (it polls Cassandra then).
   */
  private Map<String, Long> processes(String side, long pid) {
    Map<String, Long> processes = new LinkedHashMap<>();
    processes.put(side, pid);
    PidFiles pids = new PidFiles(settings);
    pids.running("cassandra").ifPresent(p -> processes.put("Cassandra", p));
    pids.running("kafka").ifPresent(p -> processes.put("Kafka", p));
    long bench = ProcessHandle.current().pid();
    if (pid != bench) {
      processes.put("the bench (polling)", bench);
    }
    return processes;
  }

  private double rate(String label, double rate) {
    out.printf("  %s: %,.0f rows/s%n", label, rate);
    return rate;
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }
}
