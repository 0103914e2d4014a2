package io.realtimestreaming.bench;

import java.util.List;
import java.util.Set;

/**
 * What one bench run does.
 *
 * @param suites which suites run
 * @param users rows of each raw round, users of each ingest round, records of each stream window
 * @param rounds how many times each raw and pipeline figure is measured (at least 3)
 * @param ingestRuns runs posted at once in an ingest round, and so the connections the service
 *     stores pages on, and so the connections of each raw PostgreSQL way
 * @param usersPerSecond the offered load of the latency suite
 * @param requestUsers users per request (run) of the offered load
 * @param latencySeconds how long the measured offered load lasts
 * @param warmUpSeconds how long the same load runs first, unmeasured
 * @param ingestOverrides {@code name=value} settings for the bench's ingest service
 * @param streamOptions flags for the bench's stream job, e.g. {@code --trigger-interval=0}
 * @param profile record the bench's service instances with JFR while they are measured
 * @param ingestPort the HTTP port of the bench's ingest service
 * @param sparkUiPort the Spark UI port of the bench's stream job
 * @param settleLoad before each suite, wait (a few minutes at most) for the 1-minute load average
 *     to fall to this; 0 starts each suite at once
 */
public record BenchPlan(
    Set<Suite> suites,
    int users,
    int rounds,
    int ingestRuns,
    int usersPerSecond,
    int requestUsers,
    int latencySeconds,
    int warmUpSeconds,
    List<String> ingestOverrides,
    List<String> streamOptions,
    boolean profile,
    int ingestPort,
    int sparkUiPort,
    double settleLoad) {

  /** The suites, in the order a full run takes them. */
  public enum Suite {
    INGEST,
    STREAM,
    LATENCY
  }

  public BenchPlan {
    suites = Set.copyOf(suites);
    ingestOverrides = List.copyOf(ingestOverrides);
    streamOptions = List.copyOf(streamOptions);
    if (users < 10_000) {
      throw new IllegalArgumentException("--users must be at least 10,000, not " + users);
    }
    if (rounds < 3) {
      throw new IllegalArgumentException(
          "--rounds must be at least 3: a spread needs three figures, not " + rounds);
    }
    if (ingestRuns < 1 || users / ingestRuns > 100_000 || users % ingestRuns != 0) {
      throw new IllegalArgumentException(
          "--users "
              + users
              + " must split into --ingest-runs "
              + ingestRuns
              + " runs of at most 100,000 users (the API's limit)");
    }
    if (requestUsers < 1 || usersPerSecond < 1 || (requestUsers * 1000L) % usersPerSecond != 0) {
      throw new IllegalArgumentException(
          "--request-users "
              + requestUsers
              + " at --users-per-second "
              + usersPerSecond
              + " must give a whole number of milliseconds between requests");
    }
    if (settleLoad < 0) {
      throw new IllegalArgumentException("--settle-load must be 0 or more, not " + settleLoad);
    }
    if (latencySeconds < 1 || warmUpSeconds < 0) {
      throw new IllegalArgumentException("--latency-seconds must be positive");
    }
  }

  /** Milliseconds between two requests of the offered load. */
  public long requestIntervalMillis() {
    return requestUsers * 1000L / usersPerSecond;
  }

  /**
   * Unmeasured rows first into each raw store and each stream: enough to get the hot code of this
   * JVM, the service's and the stores' compiled.
   */
  public int warmUpUsers() {
    return Math.min(50_000, users / 4);
  }

  /**
   * Unmeasured rows first into the stream job's table and the raw writer's alike: the shared
   * warm-up and one round more. The job compiles far more code than the raw writer (the Kafka
   * source, Avro decoding, Spark's task loop), and with 50,000 rows its first measured window was
   * always its slowest, at half the rate of the later ones; the raw writer's first round was slow
   * too, less so. The same count on both sides keeps the tables grown alike.
   */
  public int streamWarmUpRows() {
    return warmUpUsers() + users;
  }

  /**
   * The client requests Cassandra must have served since it started before the stream suite times
   * either side: ten rounds' worth (2,000,000 by default). A Cassandra that had served 1,700,000
   * wrote as fast as one that had run for hours; one just started, half as fast again per write.
   */
  public long cassandraWarmRequests() {
    return 10L * users;
  }
}
