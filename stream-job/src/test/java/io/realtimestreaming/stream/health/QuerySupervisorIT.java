package io.realtimestreaming.stream.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.realtimestreaming.stream.StreamFixture;
import io.realtimestreaming.testing.RealServices;
import io.realtimestreaming.testing.ServiceEndpoints;
import io.realtimestreaming.testing.ServiceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
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
      // a checkpoint whose last committed batch ended at offset 1200 of partition 0, which the
      // fresh topic does not have
      Files.createDirectories(checkpoint.resolve("offsets"));
      Files.createDirectories(checkpoint.resolve("commits"));
      Files.writeString(
          checkpoint.resolve("offsets/41"),
          "v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":0,\"conf\":{}}\n{\""
              + fixture.topic
              + "\":{\"0\":1200,\"1\":0,\"2\":0}}");
      Files.writeString(checkpoint.resolve("commits/41"), "v1\n{\"nextBatchWatermarkMs\":0}");
      Path statusFile = dir.resolve("status.json");
      JobStatus status = new JobStatus(statusFile);
      AtomicInteger starts = new AtomicInteger();
      QuerySupervisor supervisor =
          new QuerySupervisor(
              () -> {
                starts.incrementAndGet();
                throw new IllegalStateException("must not start");
              },
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
}
