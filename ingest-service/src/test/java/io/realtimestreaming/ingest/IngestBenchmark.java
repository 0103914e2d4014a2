package io.realtimestreaming.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.realtimestreaming.model.User;
import io.realtimestreaming.model.ingest.IngestClient;
import io.realtimestreaming.model.ingest.RunReport;
import io.realtimestreaming.model.randomuser.RandomUserMapper;
import io.realtimestreaming.model.randomuser.RandomUserPage;
import io.realtimestreaming.model.randomuser.RandomUserResult;
import io.realtimestreaming.testing.ServiceEndpoints;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ingest benchmark: how fast users go from the offline randomuser source through the service
 * into PostgreSQL and onto Kafka (acknowledged), against the raw PostgreSQL batched-insert rate of
 * the same rows, measured in the same run.
 *
 * <ol>
 *   <li>Raw: 200,000 user rows (by default) (one page of the offline source, repeated with fresh
 *       ids) are inserted with JDBC batches of 1000 {@code INSERT ... ON CONFLICT DO NOTHING} and
 *       {@code reWriteBatchedInserts=true} into a table shaped like {@code users}; the page is
 *       mapped before the clock starts, so the figure is PostgreSQL's and the driver's alone.
 *   <li>Service: the service starts in this JVM against the devstack (own schema and topic, rate
 *       budget lifted); a round posts two runs of half the users each at once (a run is at most
 *       100,000), and its clock stops when both have SUCCEEDED and every user is published.
 * </ol>
 *
 * Each side runs {@code 1 + INGEST_BENCH_WARM_UP_ROUNDS} rounds of the same workload (default 2
 * warm-up rounds), into the same table, and the last round is the figure: a service runs for long,
 * and in its first rounds the JIT is still compiling (about a fifth of the machine's CPU in the
 * first ten seconds), which is not what it sustains. Every round's rate is printed, and the cold
 * round of the service (its first 200,000 users after start) is reported beside the figure.
 *
 * <p>Usage (only what the path needs, so nothing else competes for the cores):
 *
 * <pre>
 * ./pipeline up postgres kafka registry randomuser
 * ./mvnw -B -pl ingest-service -am verify -DskipTests -Pbench
 * </pre>
 *
 * {@code INGEST_BENCH_USERS=50000} in the environment runs a shorter benchmark (default 200,000),
 * {@code INGEST_BENCH_RUNS=1} posts them as one run (default 2, each at most 100,000 users), {@code
 * INGEST_BENCH_WARM_UP_ROUNDS=0} measures the cold round alone. Endpoints come from {@code
 * PIPELINE_*_PORT} like the tests' devstack services. It prints progress lines, then the figures
 * and their ratio. The devstack's PostgreSQL runs with fsync off.
 */
public final class IngestBenchmark {

  /**
   * {@code INGEST_BENCH_USERS} and {@code INGEST_BENCH_RUNS} change the size (a run is at most
   * 100,000).
   */
  static final int USERS =
      Integer.parseInt(System.getenv().getOrDefault("INGEST_BENCH_USERS", "200000"));

  static final int RUNS = Integer.parseInt(System.getenv().getOrDefault("INGEST_BENCH_RUNS", "2"));
  static final int USERS_PER_RUN = USERS / RUNS;

  /**
   * {@code INGEST_BENCH_WARM_UP_ROUNDS}: unmeasured rounds of the same workload first (0: none).
   */
  static final int WARM_UP_ROUNDS =
      Integer.parseInt(System.getenv().getOrDefault("INGEST_BENCH_WARM_UP_ROUNDS", "2"));

  private static final int BATCH = 1000;

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    ServiceEndpoints endpoints = devstackEndpoints();
    String schema = ServiceUnderTest.freshName("ingest_bench");
    String topic = ServiceUnderTest.freshName("users_created_bench");
    if (RUNS < 1 || USERS < RUNS || USERS % RUNS != 0 || USERS_PER_RUN > 100_000) {
      throw new IllegalArgumentException(
          "INGEST_BENCH_USERS="
              + USERS
              + " must split into INGEST_BENCH_RUNS="
              + RUNS
              + " runs of at most 100,000 users each");
    }
    System.out.printf(
        "ingest benchmark: %,d users in %d runs, schema %s, topic %s%n",
        USERS, RUNS, schema, topic);
    warnIfCassandraRuns();
    try {
      List<Double> raw = rawInsertRates(endpoints, schema + "_raw");
      List<Double> service = serviceRates(endpoints, schema, topic);
      double measuredRaw = raw.get(raw.size() - 1);
      double measuredService = service.get(service.size() - 1);
      String round = "round " + service.size() + " of " + service.size();
      System.out.printf(
          "%nraw PostgreSQL batched insert : %,10.0f rows/s  (%s)%n", measuredRaw, round);
      System.out.printf(
          "service (source -> PG -> Kafka): %,10.0f users/s (%s)%n", measuredService, round);
      System.out.printf(
          "ratio service / raw            : %10.2f (target >= 0.60; >= 20,000 users/s)%n",
          measuredService / measuredRaw);
      if (service.size() > 1) {
        System.out.printf(
            "cold (round 1): raw %,.0f rows/s, service %,.0f users/s, ratio %.2f%n",
            raw.get(0), service.get(0), service.get(0) / raw.get(0));
      }
    } finally {
      ServiceUnderTest.cleanUp(endpoints, schema, topic);
      ServiceUnderTest.dropSchema(endpoints, schema + "_raw");
    }
  }

  /** Inserts USERS fresh rows per round; answers each round's rows/s. */
  private static List<Double> rawInsertRates(ServiceEndpoints endpoints, String schema)
      throws Exception {
    List<RandomUserResult> page = fetchPage(endpoints, "bench-raw", 1, 5000);
    RandomUserMapper mapper = new RandomUserMapper();
    UUID run = UUID.randomUUID();
    List<User> users = new ArrayList<>(page.size());
    for (RandomUserResult record : page) {
      users.add(mapper.toUser(record, run, Instant.now())); // mapped before the clock starts
    }
    String url = ServiceUnderTest.jdbcUrl(endpoints, schema) + "&reWriteBatchedInserts=true";
    try (Connection c =
        DriverManager.getConnection(url, endpoints.jdbcUsername(), endpoints.jdbcPassword())) {
      try (Statement st = c.createStatement()) {
        st.execute("create schema " + schema);
        st.execute(
            """
            create table users_raw (id uuid primary key, first_name text not null,
              last_name text not null, gender text, address text, post_code text,
              email text not null, username text not null, dob timestamptz not null,
              registered_date timestamptz not null, phone text, picture text, nationality text,
              ingestion_run_id uuid not null, ingested_at timestamptz not null, raw jsonb not null)
            """);
      }
      c.setAutoCommit(false);
      String sql =
          "insert into users_raw values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)"
              + " on conflict do nothing";
      List<Double> rates = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int round = 1; round <= 1 + WARM_UP_ROUNDS; round++) {
          String label = round <= WARM_UP_ROUNDS ? "raw warm-up " + round : "raw";
          long start = System.nanoTime();
          for (int i = 0; i < USERS; i++) {
            int n = i % page.size();
            bind(ps, users.get(n), UUID.randomUUID(), new String(page.get(n).json(), UTF_8));
            ps.addBatch();
            if ((i + 1) % BATCH == 0) {
              ps.executeBatch();
              c.commit();
            }
            if ((i + 1) % 50_000 == 0) {
              System.out.printf("%s: %,d rows, %,.0f rows/s%n", label, i + 1, rate(i + 1, start));
            }
          }
          rates.add(rate(USERS, start));
        }
      }
      return rates;
    }
  }

  private static void bind(PreparedStatement ps, User u, UUID id, String raw) throws Exception {
    ps.setObject(1, id);
    ps.setString(2, u.firstName());
    ps.setString(3, u.lastName());
    ps.setString(4, u.gender());
    ps.setString(5, u.address());
    ps.setString(6, u.postCode());
    ps.setString(7, u.email());
    ps.setString(8, u.username());
    ps.setTimestamp(9, Timestamp.from(u.dob()));
    ps.setTimestamp(10, Timestamp.from(u.registeredDate()));
    ps.setString(11, u.phone());
    ps.setString(12, u.picture());
    ps.setString(13, u.nationality());
    ps.setObject(14, u.ingestionRunId());
    ps.setTimestamp(15, Timestamp.from(u.ingestedAt()));
    ps.setString(16, raw);
  }

  /** Runs the service's rounds; answers each round's users/s. */
  private static List<Double> serviceRates(ServiceEndpoints endpoints, String schema, String topic)
      throws Exception {
    Map<String, Object> properties =
        ServiceUnderTest.resolved(
            ServiceUnderTest.properties(() -> endpoints, schema, topic, endpoints::randomUserUrl));
    try (ConfigurableApplicationContext app = ServiceUnderTest.start(properties)) {
      IngestClient api = ServiceUnderTest.client(ServiceUnderTest.port(app));
      String seed = "bench-" + UUID.randomUUID();
      List<Double> rates = new ArrayList<>();
      for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
        rates.add(round(api, seed + "-warm-up-" + round, "warm-up " + round));
      }
      rates.add(round(api, seed, "service"));
      return rates;
    }
  }

  /** Posts RUNS runs of USERS_PER_RUN users at once; answers users/s published. */
  private static double round(IngestClient api, String seed, String label) throws Exception {
    long start = System.nanoTime();
    List<UUID> runs = new ArrayList<>();
    for (int r = 0; r < RUNS; r++) {
      runs.add(api.start(USERS_PER_RUN, seed + "-" + r));
    }
    return await(api, runs, USERS, label, start);
  }

  /** Waits until the runs have SUCCEEDED and published {@code users}; answers users/s published. */
  private static double await(
      IngestClient api, List<UUID> runs, int users, String label, long start)
      throws InterruptedException {
    long storedAt = 0;
    while (true) {
      int stored = 0;
      int published = 0;
      boolean allSucceeded = true;
      for (UUID run : runs) {
        RunReport state = api.run(run);
        if (state.failed()) {
          throw new IllegalStateException("run " + run + " failed: " + state.error());
        }
        allSucceeded &= state.finished();
        stored += state.stored();
        published += state.published();
      }
      if (allSucceeded && storedAt == 0) {
        storedAt = System.nanoTime();
      }
      System.out.printf(
          "%s: %,d stored, %,d published, %,.0f users/s published%n",
          label, stored, published, rate(published, start));
      if (allSucceeded && published == users) {
        System.out.printf(
            "%s: all stored after %.1f s (%,.0f users/s), all published after %.1f s%n",
            label,
            (storedAt - start) / 1e9,
            rate(users, start, storedAt),
            (System.nanoTime() - start) / 1e9);
        return rate(users, start);
      }
      Thread.sleep(
          500); // a progress line every 0.5 s (the clock's resolution); a driver loop, not a test
    }
  }

  /** Cassandra is not on the measured path, but idles at about a quarter of a core. */
  private static void warnIfCassandraRuns() {
    String port = System.getenv().getOrDefault("PIPELINE_CASSANDRA_PORT", "9042");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(port)), 200);
      System.out.printf(
          "note: Cassandra answers on port %s and competes for the cores; "
              + "./pipeline down cassandra stream-job for figures comparable with docs/benchmarks.md%n",
          port);
    } catch (IOException notRunning) {
      // the quiet case
    }
  }

  private static List<RandomUserResult> fetchPage(
      ServiceEndpoints endpoints, String seed, int page, int results) throws Exception {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            endpoints.randomUserUrl()
                                + "?results="
                                + results
                                + "&page="
                                + page
                                + "&seed="
                                + seed))
                    .timeout(Duration.ofMinutes(1))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    return RandomUserPage.parse(response.body()).results();
  }

  private static double rate(long count, long startNanos) {
    return rate(count, startNanos, System.nanoTime());
  }

  private static double rate(long count, long startNanos, long endNanos) {
    return count / ((endNanos - startNanos) / 1e9);
  }

  private static ServiceEndpoints devstackEndpoints() {
    Map<String, String> env = System.getenv();
    String host = "127.0.0.1";
    return new ServiceEndpoints(
        host + ":" + env.getOrDefault("PIPELINE_KAFKA_PORT", "9092"),
        "http://"
            + host
            + ":"
            + env.getOrDefault("PIPELINE_REGISTRY_PORT", "8081")
            + "/apis/ccompat/v7",
        "jdbc:postgresql://"
            + host
            + ":"
            + env.getOrDefault("PIPELINE_POSTGRES_PORT", "5432")
            + "/"
            + env.getOrDefault("PIPELINE_POSTGRES_DB", "ingest"),
        env.getOrDefault("PIPELINE_POSTGRES_USER", "ingest"),
        env.getOrDefault("PIPELINE_POSTGRES_PASSWORD", "ingest"),
        host,
        9042,
        "datacenter1",
        "http://"
            + host
            + ":"
            + env.getOrDefault("PIPELINE_RANDOMUSER_PORT", "8099")
            + "/api/1.4/");
  }
}
