package io.realtimestreaming.stream.health;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the job's query running: when a batch fails (Cassandra, Kafka or the registry away), it
 * starts the query again from the checkpoint after a pause that grows (2 s, doubling to 30 s), so
 * an outage delays users and loses none, with no outside supervisor. A failure that retrying cannot
 * fix is not retried: when the checkpoint's offsets are gone from Kafka ({@link LostOffsets}), the
 * job says so in one log line and in its {@link JobStatus}, and waits for an operator (who restarts
 * it from a fresh checkpoint, or with {@code --fail-on-data-loss=false}).
 */
public final class QuerySupervisor {

  /** Starts the query (source, transform, sink) once. */
  @FunctionalInterface
  public interface QueryStarter {
    StreamingQuery start() throws TimeoutException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(QuerySupervisor.class);
  private static final Duration FIRST_PAUSE = Duration.ofSeconds(2);
  private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

  private final QueryStarter starter;
  private final JobStatus status;
  private final String checkpointDir;
  private final String bootstrapServers;
  private final boolean failOnDataLoss;
  private final Configuration hadoop;

  public QuerySupervisor(
      QueryStarter starter,
      JobStatus status,
      String checkpointDir,
      String bootstrapServers,
      boolean failOnDataLoss,
      Configuration hadoop) {
    this.starter = starter;
    this.status = status;
    this.checkpointDir = checkpointDir;
    this.bootstrapServers = bootstrapServers;
    this.failOnDataLoss = failOnDataLoss;
    this.hadoop = hadoop;
  }

  /** Runs until the query is stopped on purpose, the thread is interrupted, or offsets are lost. */
  public void runUntilStopped() throws InterruptedException {
    Duration pause = FIRST_PAUSE;
    // compared before the first start, then after each failure: before the pause, not after it
    if (failOnDataLoss && offsetsLost()) {
      waitForOperator();
      return;
    }
    while (true) {
      StreamingQuery query = null;
      long started = System.nanoTime();
      try {
        query = starter.start();
        status.running();
        query.awaitTermination();
        return; // stopped on purpose
      } catch (StreamingQueryException | TimeoutException | RuntimeException e) {
        Optional<String> dataLoss = sparkDataLoss(e);
        if (failOnDataLoss && dataLoss.isPresent()) {
          // Spark found it first (it compares with the batch it planned): no start can succeed
          if (!offsetsLost()) {
            stopOnLostOffsets(dataLoss.get());
          }
          waitForOperator();
          return;
        }
        if (failOnDataLoss && offsetsLost()) {
          // e.g. a task fetching offsets the topic no longer has: in real-time mode that fails the
          // query mid-batch, before Spark compares the topic with the checkpoint at the batch's end
          waitForOperator();
          return;
        }
        // a query that ran batches, or ran for a while, before failing was healthy: start the
        // pauses over (a real-time batch may not have ended yet)
        boolean ranWell =
            query != null
                && (query.lastProgress() != null
                    || Duration.ofNanos(System.nanoTime() - started).compareTo(MAX_PAUSE) >= 0);
        pause = ranWell ? FIRST_PAUSE : pause;
        String reason = rootMessage(e);
        status.restarting(reason);
        LOG.error(
            "stream-job query failed: {}. Restarting from the checkpoint in {} s.",
            reason,
            pause.toSeconds(),
            e);
      }
      Thread.sleep(pause.toMillis());
      pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
    }
  }

  /** Whether the checkpoint points at offsets Kafka no longer has; says so if it does. */
  private boolean offsetsLost() {
    List<LostOffsets.Gap> gaps;
    try {
      gaps = LostOffsets.find(checkpointDir, bootstrapServers, hadoop);
    } catch (ExecutionException | TimeoutException | java.io.IOException e) {
      // Kafka or the checkpoint cannot be read now: the query start will fail and be retried
      LOG.warn("cannot compare the checkpoint's offsets with Kafka's now: {}", e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    if (gaps.isEmpty()) {
      return false;
    }
    stopOnLostOffsets(gaps.toString());
    return true;
  }

  /** Says, in one ERROR line and in the status, that the job stops on lost offsets, and why. */
  private void stopOnLostOffsets(String where) {
    String reason =
        "the checkpoint "
            + checkpointDir
            + " resumes from offsets Kafka no longer has: "
            + where
            + " (retention removed them, or the topic was recreated)";
    LOG.error(
        "stream-job cannot resume: {}. Records there may be lost, so it stops instead of retrying."
            + " Choose: start from a fresh checkpoint (./pipeline reset, or delete {} and"
            + " restart), or restart with --fail-on-data-loss=false and reconcile the ingestion runs"
            + " (GET /api/v1/ingestions/<id>/pending).",
        reason,
        checkpointDir);
    status.failed(reason);
  }

  /**
   * Spark's own verdict that the source lost data (its {@code KafkaIllegalStateException} with
   * failOnDataLoss): the "Reason:" line of its message, e.g. "Partition users_created-0 offset was
   * changed from 55351 to 0".
   */
  static Optional<String> sparkDataLoss(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message != null && message.contains("Some data may have been lost")) {
        return Optional.of(
            message
                .lines()
                .filter(line -> line.startsWith("Reason: "))
                .map(line -> line.substring("Reason: ".length()))
                .findFirst()
                .orElse("Spark reports data lost from the topic"));
      }
    }
    return Optional.empty();
  }

  /** The job stays up, failed, so that its status and Spark UI tell why, until it is stopped. */
  private static void waitForOperator() throws InterruptedException {
    new CountDownLatch(1).await();
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.toString();
  }
}
