package io.realtimestreaming.bench.ingest;

import io.realtimestreaming.bench.BenchPlan;
import io.realtimestreaming.bench.app.IngestServiceInstance;
import io.realtimestreaming.bench.app.Scratch;
import io.realtimestreaming.bench.profile.CpuTally;
import io.realtimestreaming.bench.profile.HotMethods;
import io.realtimestreaming.bench.profile.JfrProfile;
import io.realtimestreaming.bench.raw.RawPostgres;
import io.realtimestreaming.bench.raw.UserPool;
import io.realtimestreaming.bench.report.Measurement;
import io.realtimestreaming.devstack.stack.PidFiles;
import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.ingest.users.FetchedUser;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The ingest suite: the service's rate from the randomuser source through PostgreSQL onto Kafka
 * (acknowledged), against PostgreSQL's own rate for the same rows at the same parallelism.
 *
 * <ol>
 *   <li>Raw, the service idle: COPY and the service's own page statement ({@link RawPostgres}),
 *       each on as many connections as the service stores pages on in its rounds, alternating,
 *       {@code rounds} times each after one unmeasured round each.
 *   <li>Service: a round posts {@code ingestRuns} runs of {@code users / ingestRuns} users at once
 *       (the service runs that many at once), and its clock stops when every run has ended and
 *       Kafka has acknowledged every user stored. Two unmeasured rounds first (the JIT compiles the
 *       service's hot code for many seconds), then {@code rounds} measured.
 * </ol>
 *
 * Every round, raw or service, starts on an empty users table.
 */
public final class IngestSuite {

  /**
   * @param raw the raw ways, each measured {@code rounds} times
   * @param service the service's rate, measured {@code rounds} times
   * @param durability the PostgreSQL settings the figures depend on
   */
  public record Result(
      List<Measurement> raw,
      Measurement service,
      String durability,
      List<HotMethods> profiles,
      List<String> notes) {}

  public static final String SERVICE = "ingest service (randomuser → PostgreSQL → Kafka acked)";

  private static final int SERVICE_WARM_UP_ROUNDS = 2;

  private final StackSettings settings;
  private final Scratch scratch;
  private final BenchPlan plan;
  private final PrintStream out;

  public IngestSuite(StackSettings settings, Scratch scratch, BenchPlan plan, PrintStream out) {
    this.settings = settings;
    this.scratch = scratch;
    this.plan = plan;
    this.out = out;
  }

  /**
   * @param service the bench's ingest service instance, started on {@link Scratch#schema()}
   */
  public Result run(IngestServiceInstance service, UserPool pool) throws Exception {
    int connections = plan.ingestRuns();
    String how = f("%,d rows per round, %d connections", plan.users(), connections);
    List<Double> copy = new ArrayList<>();
    List<Double> unnest = new ArrayList<>();
    String durability;
    out.printf("%n== raw PostgreSQL: COPY and the service's page statement, %s%n", how);
    PidFiles pids = new PidFiles(settings);
    Map<String, Long> postgres = new LinkedHashMap<>();
    postgresServer().ifPresent(pid -> postgres.put("PostgreSQL", pid));
    long bench = ProcessHandle.current().pid();
    CpuTally copyCpu = new CpuTally(Map.of("the bench", bench), postgres);
    CpuTally unnestCpu = new CpuTally(Map.of("the bench", bench), postgres);
    try (RawPostgres raw = new RawPostgres(settings, scratch.schema(), connections)) {
      durability = raw.durability();
      out.println("  PostgreSQL runs with " + durability);
      List<FetchedUser> warmUp = users(pool, plan.warmUpUsers());
      rate("warm-up COPY, not counted", raw.copy(warmUp, out));
      rate("warm-up unnest, not counted", raw.unnest(warmUp, out));
      for (int round = 1; round <= plan.rounds(); round++) {
        List<FetchedUser> users = users(pool, plan.users());
        String n = ", round " + round;
        copy.add(
            rate(RawPostgres.COPY + n, copyCpu.measure(users.size(), () -> raw.copy(users, out))));
        unnest.add(
            rate(
                RawPostgres.UNNEST + n,
                unnestCpu.measure(users.size(), () -> raw.unnest(users, out))));
      }
    }
    List<Measurement> raws =
        List.of(
            new Measurement(RawPostgres.COPY, how, "rows/s", copy),
            new Measurement(RawPostgres.UNNEST, how, "rows/s", unnest));

    out.printf(
        "%n== ingest service: %d runs of %,d users at once per round%n",
        plan.ingestRuns(), plan.users() / plan.ingestRuns());
    for (int round = 1; round <= SERVICE_WARM_UP_ROUNDS; round++) {
      rate("warm-up round " + round + ", not counted", round(service, "warm-up-" + round));
    }
    List<HotMethods> profiles = new ArrayList<>();
    Optional<JfrProfile> recording =
        plan.profile()
            ? JfrProfile.start(service.pid(), "ingest-service", scratch.dir(), scratch.id(), out)
            : Optional.empty();
    List<Double> rates = new ArrayList<>();
    Map<String, Long> sides = new LinkedHashMap<>();
    sides.put("the service", service.pid());
    pids.running("randomuser").ifPresent(pid -> sides.put("the randomuser source", pid));
    pids.running("kafka").ifPresent(pid -> sides.put("Kafka", pid));
    sides.put("the bench", bench);
    CpuTally serviceCpu = new CpuTally(sides, postgres);
    for (int round = 1; round <= plan.rounds(); round++) {
      String name = "round-" + round;
      rates.add(
          rate(
              "service round " + round,
              serviceCpu.measure(plan.users(), () -> round(service, name))));
    }
    recording.flatMap(r -> r.stop("its measured rounds")).ifPresent(profiles::add);
    Measurement measured =
        new Measurement(
            SERVICE,
            f(
                "%,d users per round in %d runs at once (%d connections storing pages)",
                plan.users(), plan.ingestRuns(), plan.ingestRuns()),
            "users/s",
            rates);
    List<String> notes =
        List.of(
            f(
                "CPU over the measured rounds, every process on the machine's %d cores: the"
                    + " service's rounds %s; COPY's %s; unnest's %s.",
                Runtime.getRuntime().availableProcessors(),
                serviceCpu.perRow(),
                copyCpu.perRow(),
                unnestCpu.perRow()),
            f(
                "Ingest: the service stores a page of 5,000 users per transaction (its page statement,"
                    + " the outbox row, the run's counters) on %d connections at once; the raw ways write"
                    + " the same rows (a pool of %,d real records with fresh ids) into tables created"
                    + " LIKE its users table, on as many connections. Every round starts on an empty"
                    + " table. A service round's clock runs from the first POST until Kafka has"
                    + " acknowledged every user.",
                connections, 5000));
    return new Result(raws, measured, durability, profiles, notes);
  }

  /** Posts the round's runs at once; answers users/s published. */
  private double round(IngestServiceInstance service, String name) throws Exception {
    truncateUsers();
    int perRun = plan.users() / plan.ingestRuns();
    long start = System.nanoTime();
    List<UUID> runs = new ArrayList<>();
    for (int r = 0; r < plan.ingestRuns(); r++) {
      runs.add(service.api().start(perRun, "bench-" + scratch.id() + "-" + name + "-" + r));
    }
    RunWatch.Outcome outcome =
        RunWatch.awaitPublished(service.api(), runs, start, Duration.ofMinutes(10), out);
    if (outcome.stored() != plan.users()) {
      throw new IllegalStateException(
          f(
              "the round stored %,d users, not the %,d posted; see %s",
              outcome.stored(), plan.users(), scratch.dir()));
    }
    out.printf(
        "  all stored after %.1f s, all published after %.1f s%n",
        (outcome.storedNanos() - start) / 1e9, (outcome.publishedNanos() - start) / 1e9);
    return outcome.stored() / ((outcome.publishedNanos() - start) / 1e9);
  }

  /** The service's rounds start on an empty table, as the raw rounds do. */
  private void truncateUsers() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("truncate " + scratch.schema() + ".users");
    }
  }

  /**
   * The PostgreSQL server's PID (the postmaster, parent of every backend): the parent of this
   * connection's backend. Empty where the server runs elsewhere (a container, another host).
   */
  private Optional<Long> postgresServer() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
      rs.next();
      return ProcessHandle.of(rs.getLong(1)).flatMap(ProcessHandle::parent).map(ProcessHandle::pid);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        settings.jdbcUrl(settings.postgresDatabase()),
        settings.postgresUser(),
        settings.postgresPassword());
  }

  private static List<FetchedUser> users(UserPool pool, int count) {
    return pool.users(count, UUID.randomUUID(), Instant.now(), micros(Instant.now()));
  }

  private double rate(String label, double rate) {
    out.printf("  %s: %,.0f/s%n", label, rate);
    return rate;
  }

  static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
