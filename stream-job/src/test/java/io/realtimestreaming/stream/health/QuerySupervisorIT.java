package io.realtimestreaming.stream.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.realtimestreaming.stream.StreamFixture;
import io.realtimestreaming.testing.RealServices;
import io.realtimestreaming.testing.ServiceEndpoints;
import io.realtimestreaming.testing.ServiceKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint whose offsets the real Kafka no longer has (here: a topic that was recreated, so it
 * holds nothing at offsets the checkpoint reached) is an alarm, not a loop: the job says so, its
 * status is {@code failed} with the topic, partitions and offsets, and it never starts the query.
 */
@RealServices({ServiceKind.KAFKA, ServiceKind.REGISTRY, ServiceKind.CASSANDRA})
class QuerySupervisorIT {

  @TempDir Path dir;

  @Test
  void lostOffsetsStopTheJobWithTheirPartitionsInsteadOfRetrying(ServiceEndpoints endpoints)
      throws Exception {
    try (StreamFixture fixture = new StreamFixture(endpoints)) {
      Path checkpoint = dir.resolve("checkpoint");
      checkpointAtOffsetTheTopicLacks(checkpoint, fixture.topic);
      Path statusFile = dir.resolve("status.json");
      JobStatus status = new JobStatus(statusFile);
      AtomicInteger starts = new AtomicInteger();
      Thread job =
          startSupervisor(
              () -> {
                starts.incrementAndGet();
                throw new IllegalStateException("must not start");
              },
              status,
              checkpoint,
              endpoints);

      await().atMost(Duration.ofSeconds(30)).until(() -> status.state() == JobStatus.State.FAILED);
      assertThat(Files.readString(statusFile))
          .contains("\"failed\"", fixture.topic + "-0 at offset 1200 (Kafka holds 0..0)")
          .doesNotContain(fixture.topic + "-1");
      Thread.sleep(3_000); // time for a retry, were there one
      assertThat(starts).hasValue(0);
      assertThat(job.isAlive()).as("the job stays up, failed, for an operator").isTrue();
      job.interrupt();
      job.join(10_000);
    }
  }

  @Test
  void aQueryFailingOnLostOffsetsStopsTheJobAtOnceNotAfterARestartPause(ServiceEndpoints endpoints)
      throws Exception {
    try (StreamFixture fixture = new StreamFixture(endpoints)) {
      Path checkpoint = dir.resolve("checkpoint");
      JobStatus status = new JobStatus(dir.resolve("status.json"));
      AtomicLong failedAt = new AtomicLong();
      Thread job =
          startSupervisor(
              () -> {
                // as a real-time task meets a recreated topic: the batch committed before is
                // there, its offsets are not
                checkpointAtOffsetTheTopicLacks(checkpoint, fixture.topic);
                failedAt.set(System.nanoTime());
                throw new IllegalStateException("OffsetOutOfRangeException: fetch position 1200");
              },
              status,
              checkpoint,
              endpoints);

      // the first restart pause is 2 s: the comparison comes before it
      await().atMost(Duration.ofSeconds(10)).until(() -> status.state() == JobStatus.State.FAILED);
      assertThat(Duration.ofNanos(System.nanoTime() - failedAt.get()))
          .isLessThan(Duration.ofMillis(1_900));
      assertThat(Files.readString(dir.resolve("status.json")))
          .contains(fixture.topic + "-0 at offset 1200 (Kafka holds 0..0)");
      job.interrupt();
      job.join(10_000);
    }
  }

  /** A supervisor failing on lost offsets, on the real Kafka, running on a thread of its own. */
  private static Thread startSupervisor(
      QuerySupervisor.QueryStarter starter,
      JobStatus status,
      Path checkpoint,
      ServiceEndpoints endpoints) {
    QuerySupervisor supervisor =
        new QuerySupervisor(
            starter,
            status,
            checkpoint.toString(),
            endpoints.kafkaBootstrapServers(),
            true,
            new Configuration());
    Thread job =
        new Thread(
            () -> {
              try {
                supervisor.runUntilStopped();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    job.start();
    return job;
  }

  /**
   * A checkpoint whose last committed batch ended at offset 1200 of partition 0, which a fresh
   * topic does not have.
   */
  private static void checkpointAtOffsetTheTopicLacks(Path checkpoint, String topic) {
    try {
      writeCheckpoint(checkpoint, topic);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeCheckpoint(Path checkpoint, String topic) throws IOException {
    Files.createDirectories(checkpoint.resolve("offsets"));
    Files.createDirectories(checkpoint.resolve("commits"));
    Files.writeString(
        checkpoint.resolve("offsets/41"),
        "v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":0,\"conf\":{}}\n{\""
            + topic
            + "\":{\"0\":1200,\"1\":0,\"2\":0}}");
    Files.writeString(checkpoint.resolve("commits/41"), "v1\n{\"nextBatchWatermarkMs\":0}");
  }
}
