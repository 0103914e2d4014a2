package io.realtimestreaming.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import io.realtimestreaming.devstack.cql.CqlSessions;
import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.devstack.stack.Topology;
import io.realtimestreaming.model.ingest.IngestClient;
import io.realtimestreaming.model.ingest.RunReport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The cluster topology ({@code ./pipeline up --topology cluster}) loses one node at a time, by
 * SIGKILL, during a 20,000-user ingestion split across both ingest instances, and goes on without
 * it: the node stays down until the runs have reconciled (no operator acts meanwhile), and at least
 * {@link #DOWN_AT_LEAST}. After each: 0 lost, 0 phantom, no duplicate rows, every user at its
 * newest version, PostgreSQL and Cassandra equal field by field. Each test prints its time to
 * recover (docs/scaling.md records them). {@code ./pipeline test} runs it after the single-node
 * suite, on a cluster it starts for it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

  private static final int USERS_PER_INSTANCE = 10_000;

  /** The offline source answers each page (5,000 users) after 5 s: the runs are mid-way. */
  private static final String SLOW_PAGES = ".fault-slow";

  private static final Duration DOWN_AT_LEAST = Duration.ofSeconds(30);
  private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(3);

  private static RunningPipeline pipeline;
  private static CqlSession cassandra;
  private static DeadLetters deadLetters;
  private static LandedExactly landedExactly;
  private static FlowWatch flow;
  private static IngestClient first;
  private static IngestClient second;

  @BeforeAll
  static void startCluster() throws Exception {
    pipeline = new RunningPipeline();
    assertThat(pipeline.settings.topology())
        .as("the cluster topology: PIPELINE_TOPOLOGY=cluster, or ./pipeline up --topology cluster")
        .isEqualTo(Topology.CLUSTER);
    pipeline.up();
    cassandra = CqlSessions.open(pipeline.settings);
    deadLetters = new DeadLetters(pipeline.settings.kafkaBootstrapServers());
    landedExactly =
        new LandedExactly(
            pipeline::report, new RunComparison(pipeline.settings, cassandra), deadLetters);
    flow = new FlowWatch(pipeline.settings.kafkaBootstrapServers());
    first = pipeline.api("ingest-service-1");
    second = pipeline.api("ingest-service-2");
  }

  @AfterAll
  static void closeClients() {
    if (cassandra != null) {
      cassandra.close();
    }
    if (flow != null) {
      flow.close();
    }
  }

  /** Whatever the last test killed runs again, its replicas back in sync. */
  @BeforeEach
  void wholeCluster() {
    pipeline.up();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(flow::fullyReplicated);
    deadLetters.markEnd();
  }

  @Test
  @Order(1)
  void theBrokerLeadingAPartitionDies() throws Exception {
    List<UUID> runs = startRunOnEachInstance("broker");
    awaitPublishing(runs);
    String broker = "kafka-" + flow.leaderOfFirstPartition();

    survive(runs, kill(broker, false, runs), broker + " (leader of users_created-0)");
  }

  @Test
  @Order(2)
  void aCassandraNodeDies() throws Exception {
    List<UUID> runs = startRunOnEachInstance("cassandra");
    awaitLanding(runs);

    survive(runs, kill("cassandra-1", false, runs), "cassandra-1 (seed, first contact point)");
  }

  @Test
  @Order(3)
  void aSparkWorkerAndItsExecutorDie() throws Exception {
    List<UUID> runs = startRunOnEachInstance("spark");
    awaitLanding(runs);

    survive(runs, kill("spark-worker-1", true, runs), "spark-worker-1 and its executor");
  }

  /**
   * With the node dead: the pipeline publishes and lands again, the runs reconcile exactly, and the
   * node is still down (nobody acted) for at least {@link #DOWN_AT_LEAST}.
   */
  private static void survive(List<UUID> runs, NodeKill kill, String node) throws Exception {
    // publishing can only be seen moving again if the runs had more to publish
    String publishing =
        kill.morePublishing()
            ? "publishing again after %.1f s"
                .formatted(
                    seconds(
                        FlowWatch.until(
                            flow::published, kill.published(), kill.at(), RECOVERY_TIMEOUT)))
            : "(publishing had ended)";
    Duration processed =
        FlowWatch.until(flow::processed, kill.processed(), kill.at(), RECOVERY_TIMEOUT);
    landedExactly.checkAll(runs);
    Duration reconciled = kill.since();

    kill.assertStillDown(DOWN_AT_LEAST);
    report(
        node,
        "%s, landing again after %.1f s".formatted(publishing, seconds(processed)),
        reconciled);
  }

  /**
   * The dead instance's committed pages are relayed by the other (one outbox); its run ends FAILED
   * when the other instance's reaper finds it without progress for ingest.runs.stall-timeout; the
   * client retries the same request on the surviving instance, which ingests the same users again
   * at newer versions.
   */
  @Test
  @Order(4)
  void anIngestInstanceDiesMidRunAndTheClientRetriesOnTheOther() throws Exception {
    String seed = "e2e-cluster-ingest-" + shortId() + SLOW_PAGES;
    UUID onFirst = first.start(USERS_PER_INSTANCE, seed);
    UUID onSecond =
        second.start(USERS_PER_INSTANCE, "e2e-cluster-ingest-" + shortId() + SLOW_PAGES);
    // the moment its first page is committed and its relay is still publishing it
    int[] atKill = awaitStoredNotYetPublished(onFirst);

    NodeKill kill = kill("ingest-service-1", false, List.of()); // at once: its relay is mid-page
    await()
        .atMost(RECOVERY_TIMEOUT)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> second.run(onFirst), r -> r.published() == r.stored());
    Duration relayed = kill.since();
    RunReport ended =
        await()
            .atMost(RECOVERY_TIMEOUT)
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> second.run(onFirst), RunReport::finished);
    Duration endedAfter = kill.since();
    assertThat(ended.status()).isEqualTo("FAILED");
    assertThat(ended.error()).contains("no progress");
    assertThat(ended.stored()).isBetween(1, USERS_PER_INSTANCE - 1);

    UUID retry = second.start(USERS_PER_INSTANCE, seed);
    List<RunReport> reports = landedExactly.checkAll(List.of(onFirst, onSecond, retry));
    Duration reconciled = kill.since();

    RunReport retried = reports.get(2);
    assertThat(retried.status()).isEqualTo("SUCCEEDED");
    assertThat(retried.stored()).isEqualTo(USERS_PER_INSTANCE);
    assertThat(reports.get(1).status()).isEqualTo("SUCCEEDED");
    // every user of the failed run was ingested again by the retry: its newest version is the
    // retry's, and no user is left whose latest ingestion is the failed run
    assertThat(pipeline.api("ingest-service-2").userIds(onFirst, 10)).isEmpty();
    kill.assertStillDown(DOWN_AT_LEAST);
    report(
        "ingest-service-1 mid-run",
        ("%d of its %d stored events were unpublished at the kill; all published after %.1f s;"
                + " its run ended FAILED after %.1f s; the client then retried it on the other")
            .formatted(atKill[0] - atKill[1], atKill[0], seconds(relayed), seconds(endedAfter)),
        reconciled);
  }

  /**
   * Polls the run's counters in PostgreSQL (the API's view of a run also reads Cassandra, too slow
   * for this) until a page is stored and not yet all published; answers {stored, published}.
   */
  private static int[] awaitStoredNotYetPublished(UUID run) throws Exception {
    StackSettings s = pipeline.settings;
    try (Connection db =
            DriverManager.getConnection(
                s.jdbcUrl(s.postgresDatabase()), s.postgresUser(), s.postgresPassword());
        PreparedStatement counters =
            db.prepareStatement("select stored, published from ingestion_runs where id = ?")) {
      counters.setObject(1, run);
      Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
      while (Instant.now().isBefore(deadline)) {
        try (ResultSet r = counters.executeQuery()) {
          if (r.next() && r.getInt(1) > r.getInt(2)) {
            return new int[] {r.getInt(1), r.getInt(2)};
          }
        }
        Thread.sleep(5);
      }
    }
    throw new AssertionError("run " + run + " stored no page within 2 min");
  }

  /** 10,000 users on each ingest instance, pages slowed so that the node dies mid-run. */
  private static List<UUID> startRunOnEachInstance(String test) {
    String seed = "e2e-cluster-" + test + "-" + shortId();
    return List.of(
        first.start(USERS_PER_INSTANCE, seed + "-1" + SLOW_PAGES),
        second.start(USERS_PER_INSTANCE, seed + "-2" + SLOW_PAGES));
  }

  private static void awaitPublishing(List<UUID> runs) {
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> runs.stream().anyMatch(run -> pipeline.report(run).published() > 0));
  }

  private static void awaitLanding(List<UUID> runs) {
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> runs.stream().anyMatch(run -> pipeline.report(run).landed() > 0));
  }

  private static NodeKill kill(String service, boolean withChildren, List<UUID> runs) {
    boolean morePublishing =
        runs.stream().mapToInt(run -> pipeline.report(run).published()).sum()
            < runs.size() * USERS_PER_INSTANCE;
    long published = flow.published();
    long processed = flow.processed();
    Instant at = Instant.now();
    if (withChildren) {
      pipeline.killTree(service);
    } else {
      pipeline.kill(service);
    }
    return new NodeKill(service, at, published, processed, morePublishing);
  }

  /** One node's death: when, and how far the pipeline had got. */
  private record NodeKill(
      String service, Instant at, long published, long processed, boolean morePublishing) {

    Duration since() {
      return Duration.between(at, Instant.now());
    }

    /** No one restarted it: the runs reconciled without it, for this long at least. */
    void assertStillDown(Duration atLeast) throws InterruptedException {
      Duration down = Duration.between(at, Instant.now());
      if (down.compareTo(atLeast) < 0) {
        Thread.sleep(atLeast.minus(down).toMillis());
      }
      assertThat(pipeline.isRunning(service)).as(service + " is still down").isFalse();
    }
  }

  private static void report(String node, String recovery, Duration reconciled) {
    System.out.printf(
        "%nFAILOVER %s killed: %s; the runs reconciled %.1f s after the kill, 0 lost, 0 phantom%n%n",
        node, recovery, seconds(reconciled));
  }

  /** Seeds are at most 64 characters: 8 hex digits tell runs apart. */
  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
