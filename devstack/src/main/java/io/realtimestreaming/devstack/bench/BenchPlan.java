package io.realtimestreaming.devstack.bench;

import java.time.Duration;

/**
 * What one {@code ./pipeline bench} does.
 *
 * @param users rows of each raw phase and users of the full-speed run
 * @param usersPerSecond the offered load of the latency phase
 * @param latencySeconds how long the offered load lasts
 * @param recordSize bytes per record of the raw Kafka phase (an Avro user is ~400-600)
 * @param rawOnly measure the raw stores only, not the pipeline
 * @param timeout how long the pipeline phases may take
 * @param profile record the services with JFR during the full-speed run
 */
public record BenchPlan(
    int users,
    int usersPerSecond,
    int latencySeconds,
    int recordSize,
    boolean rawOnly,
    Duration timeout,
    boolean profile) {

  public BenchPlan {
    if (users < 1000) {
      throw new IllegalArgumentException("--users must be at least 1000, not " + users);
    }
    if (usersPerSecond < 1 || usersPerSecond > 5000) {
      // one randomuser page, so that each run commits in one transaction (see OfferedLoad)
      throw new IllegalArgumentException(
          "--users-per-second must be 1..5000, not " + usersPerSecond);
    }
    if (latencySeconds < 1) {
      throw new IllegalArgumentException(
          "--latency-seconds must be at least 1, not " + latencySeconds);
    }
  }

  /**
   * A quarter of the run (at most 50,000 rows) into each raw store first: enough to get this JVM's
   * JDBC and driver calls compiled, and the stores' own hot code, for Cassandra is a JVM too, and
   * the bench may have started it a minute before (a 5,000-row warm-up left its raw rate at half of
   * what a warm Cassandra takes).
   */
  int warmUpUsers() {
    return Math.min(50_000, users / 4);
  }

  /**
   * Half the full-speed run (at most 100,000 users) through the pipeline first: the services are
   * JVMs that compile their hot code for many seconds (the ingest benchmark found the JIT taking a
   * fifth of the machine in a fresh service's first 200,000 users), and the stream job streams
   * these users before the full-speed run's, so its first, cold micro-batches are not the ones
   * timed.
   */
  int pipelineWarmUpUsers() {
    return Math.min(100_000, users / 2);
  }
}
