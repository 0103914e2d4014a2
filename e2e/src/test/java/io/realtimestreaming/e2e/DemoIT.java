package io.realtimestreaming.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.Test;

/**
 * {@code ./pipeline demo} as a newcomer runs it. A stage made to fail (the stream job's checkpoint
 * pointing at offsets of a recreated topic, as a reset that kept the checkpoint would leave it)
 * ends the demo non-zero, naming the stuck stage, the stream job's reason and its log, while {@code
 * status} says the job failed; then {@code reset} and a demo of 100,000 users (the API's maximum)
 * from the stopped stack land every user. Runs after the other end-to-end tests (its own failsafe
 * execution): the reset wipes the stack they use; the demo leaves it running (--keep).
 */
class DemoIT {

  private final RunningPipeline pipeline = new RunningPipeline();
  private final PipelineCli cli = new PipelineCli(Path.of("..").toAbsolutePath().normalize());

  @Test
  void aStuckStageEndsTheDemoWithItsReasonAndAResetDemoLandsEveryUser() throws Exception {
    pipeline.up();
    // pages of the offline source's slow fault come every 5 s (5,000 users each): time to break a
    // stage mid-run
    PipelineCli.Running running =
        cli.start(
            "demo",
            "--users",
            "60000",
            "--seed",
            "e2e-demo.fault-slow",
            "--stall-timeout",
            "20",
            "--keep");
    await()
        .atMost(Duration.ofMinutes(3))
        .until(() -> running.output().matches("(?s).*landed +[1-9][0-9]{4,}.*"));
    // the job checkpoints when a real-time batch ends (every 15 s): once one has ended past these
    // 10,000 users, the checkpoint points further into the topic than what the pages still to come
    // put into the recreated one before the job notices
    Thread.sleep(Duration.ofSeconds(16).toMillis());
    recreateTheTopic();

    PipelineCli.Result stuck = running.await(Duration.ofMinutes(5));

    assertThat(stuck.exitCode()).isNotZero();
    assertThat(stuck.output())
        .contains("the run is stuck landing in Cassandra")
        .contains("stream-job")
        .contains("offsets Kafka no longer has")
        .contains("./pipeline logs stream-job")
        .doesNotContain("\tat "); // sentences, not a stack trace
    assertThat(pipeline.state("stream-job"))
        .startsWith("failed (")
        .contains("offsets Kafka no longer has");

    PipelineCli.Result refused = cli.run(Duration.ofMinutes(3), "demo", "--users", "10", "--keep");

    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.output()).contains("stream-job", "offsets Kafka no longer has");

    PipelineCli.Result reset = cli.run(Duration.ofMinutes(3), "reset");
    assertThat(reset.exitCode()).isZero();
    assertThat(pipeline.state("kafka")).isEqualTo("stopped");

    PipelineCli.Result demo =
        cli.run(Duration.ofMinutes(20), "demo", "--users", "100000", "--keep");

    assertThat(demo.exitCode()).as(demo.output()).isZero();
    assertThat(demo.output())
        .contains("SUCCEEDED")
        .contains("stored 100000 = published 100000 + parked 0")
        .contains("published 100000 = landed 100000 + dead-lettered 0");
  }

  private void recreateTheTopic() throws Exception {
    try (Admin admin =
        Admin.create(
            java.util.Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                pipeline.settings.kafkaBootstrapServers()))) {
      admin.deleteTopics(List.of("users_created")).all().get();
      // Deletion completes in the background, and the stream job's consumers, still reading the
      // topic, may have the broker create it again first (auto.create.topics.enable): either way
      // it is back once it exists and holds nothing.
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(
              () -> {
                try {
                  admin
                      .createTopics(List.of(new NewTopic("users_created", 3, (short) 1)))
                      .all()
                      .get();
                } catch (ExecutionException e) {
                  if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                  }
                }
                return isEmpty(admin, "users_created");
              });
    }
  }

  private static boolean isEmpty(Admin admin, String topic) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin
        .describeTopics(List.of(topic))
        .allTopicNames()
        .get()
        .get(topic)
        .partitions()
        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    return admin.listOffsets(latest).all().get().values().stream().allMatch(o -> o.offset() == 0);
  }
}
