package io.realtimestreaming.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.cql.Row;
import io.realtimestreaming.model.User;
import io.realtimestreaming.model.avro.UserAvro;
import io.realtimestreaming.model.wire.ConfluentWireFormat;
import io.realtimestreaming.stream.dlq.DeadLetter;
import io.realtimestreaming.stream.health.JobStatus;
import io.realtimestreaming.stream.health.QuerySupervisor;
import io.realtimestreaming.stream.settings.StreamSettings;
import io.realtimestreaming.testing.RealServices;
import io.realtimestreaming.testing.ServiceEndpoints;
import io.realtimestreaming.testing.ServiceKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job in-process on local[3] against the real Kafka, registry and Cassandra. */
@RealServices({ServiceKind.KAFKA, ServiceKind.REGISTRY, ServiceKind.CASSANDRA})
class UserStreamJobIT {

  static final Duration LANDING = Duration.ofSeconds(90);

  final SparkSession spark = TestSpark.session();
  StreamFixture fixture;
  StreamingQuery query;

  @BeforeEach
  void fixture(ServiceEndpoints endpoints) throws Exception {
    fixture = new StreamFixture(endpoints);
  }

  @AfterEach
  void stop() throws Exception {
    if (query != null) {
      query.stop();
    }
    fixture.close();
  }

  @Test
  void everyPublishedUserLandsAsOneRowWithItsValuesAndItsRunsLedgerSaysSo() throws Exception {
    List<User> users = IntStream.range(0, 60).mapToObj(TestUsers::user).toList();
    fixture.send(users);

    query = UserStreamJob.start(spark, fixture.settings());

    await().atMost(LANDING).until(() -> fixture.rows().size() == users.size());
    Map<UUID, Row> rows = fixture.rows();
    for (User user : users) {
      Row row = rows.get(user.id());
      assertThat(StreamFixture.user(row)).isEqualTo(user);
      assertThat(row.getInstant("processed_at")).isAfter(user.ingestedAt());
    }
    await()
        .atMost(LANDING)
        .untilAsserted(
            () ->
                assertThat(fixture.ledger(TestUsers.RUN_ID))
                    .containsExactlyInAnyOrderElementsOf(
                        users.stream().map(u -> "landed " + u.id() + " " + u.version()).toList()));
    // recorded once the task's writes were acknowledged, not when the task began (processed_at)
    Map<UUID, Instant> landedAt = fixture.landedAt(TestUsers.RUN_ID);
    for (User user : users) {
      assertThat(landedAt.get(user.id()))
          .isAfterOrEqualTo(rows.get(user.id()).getInstant("processed_at"));
    }
    assertThat(users)
        .anySatisfy(
            u ->
                assertThat(landedAt.get(u.id()))
                    .isAfter(rows.get(u.id()).getInstant("processed_at")));
  }

  @Test
  void inRealTimeModeEachUserLandsAndIsLedgeredWhileTheLongBatchStillRuns() throws Exception {
    List<User> users = IntStream.range(0, 60).mapToObj(TestUsers::user).toList();
    UUID poisoned = UUID.randomUUID();
    // a batch far longer than the test: what lands, lands record by record, not at its end
    query =
        UserStreamJob.start(
            spark, fixture.settings("--trigger", "real-time", "--trigger-interval", "10 minutes"));
    fixture.send(users);
    fixture.sendRaw(
        poisoned.toString().getBytes(StandardCharsets.UTF_8),
        new byte[] {7, 1, 2},
        TestUsers.RUN_ID,
        9L);

    await().atMost(LANDING).until(() -> fixture.rows().size() == users.size());
    Map<UUID, Row> rows = fixture.rows();
    for (User user : users) {
      assertThat(StreamFixture.user(rows.get(user.id()))).isEqualTo(user);
    }
    await()
        .atMost(LANDING)
        .untilAsserted(
            () ->
                assertThat(fixture.ledger(TestUsers.RUN_ID))
                    .containsExactlyInAnyOrderElementsOf(
                        Stream.concat(
                                users.stream().map(u -> "landed " + u.id() + " " + u.version()),
                                Stream.of("dead_lettered " + poisoned + " 9"))
                            .toList()));
    assertThat(query.lastProgress()).as("the first long batch has not ended").isNull();
  }

  @Test
  void inRealTimeModeATopicRecreatedUnderTheRunningJobStopsItWithinSecondsWithItsOffsets(
      @TempDir Path dir) throws Exception {
    StreamSettings settings =
        fixture.settings("--trigger", "real-time", "--trigger-interval", "20 seconds");
    JobStatus status = new JobStatus(dir.resolve("status.json"));
    QuerySupervisor supervisor =
        new QuerySupervisor(
            () -> UserStreamJob.start(spark, settings, status),
            status,
            settings.checkpointDir(),
            settings.bootstrapServers(),
            true,
            spark.sparkContext().hadoopConfiguration());
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
    try {
      await().atMost(LANDING).until(() -> status.state() == JobStatus.State.RUNNING);
      fixture.send(IntStream.range(0, 30).mapToObj(TestUsers::user).toList());
      await().atMost(LANDING).until(() -> fixture.rows().size() == 30);
      // the first batch ends: the checkpoint now resumes from offsets the fresh topic lacks
      await()
          .atMost(LANDING)
          .until(
              () ->
                  spark.streams().active().length == 1
                      && spark.streams().active()[0].lastProgress() != null);

      fixture.recreateTopic();

      // the next batch ends 20 s after the first: the job must not wait for it
      await().atMost(Duration.ofSeconds(12)).until(() -> status.state() == JobStatus.State.FAILED);
      assertThat(Files.readString(dir.resolve("status.json")))
          .contains("offsets Kafka no longer has", fixture.topic + "-", "(Kafka holds 0..0)");
      assertThat(spark.streams().active()).as("the query is not restarted").isEmpty();
    } finally {
      job.interrupt();
      job.join(30_000);
    }
  }

  @Test
  void realTimeModeRefusesToStartWithFewerTaskSlotsThanPartitions() throws Exception {
    fixture.growTopic(4); // the test session runs local[3]

    assertThatThrownBy(() -> UserStreamJob.start(spark, fixture.settings("--trigger", "real-time")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has 4 partitions, the job has 3 task slots")
        .hasMessageContaining("--trigger micro-batch");
    // micro-batches read the 4 partitions with 3 slots, a task after another
    query = UserStreamJob.start(spark, fixture.settings());
    fixture.send(IntStream.range(0, 20).mapToObj(TestUsers::user).toList());
    await().atMost(LANDING).until(() -> fixture.rows().size() == 20);
  }

  @Test
  void theProcessedOffsetsAreCommittedToTheConsumerGroupSoItsLagShows() throws Exception {
    fixture.send(IntStream.range(0, 30).mapToObj(TestUsers::user).toList());
    query = UserStreamJob.start(spark, fixture.settings());
    await().atMost(LANDING).until(() -> fixture.rows().size() == 30);
    Map<Integer, Long> end = fixture.endOffsets();
    await()
        .atMost(LANDING)
        .untilAsserted(() -> assertThat(fixture.committedOffsets()).isEqualTo(end));

    fixture.send(IntStream.range(30, 40).mapToObj(TestUsers::user).toList()); // a later batch
    await().atMost(LANDING).until(() -> fixture.rows().size() == 40);
    Map<Integer, Long> later = fixture.endOffsets();
    assertThat(later.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(40);
    await()
        .atMost(LANDING)
        .untilAsserted(() -> assertThat(fixture.committedOffsets()).isEqualTo(later));
  }

  @Test
  void theNewestVersionWinsWhateverTheArrivalOrder() throws Exception {
    UUID id = UUID.randomUUID();
    User v2 = TestUsers.atVersion(TestUsers.user(id, "Second"), 2_000_000);
    User v1 = TestUsers.atVersion(TestUsers.user(id, "First"), 1_000_000);
    UUID other = UUID.randomUUID();
    fixture.send(v2, v1); // one batch, the older version last
    query = UserStreamJob.start(spark, fixture.settings());
    await().atMost(LANDING).until(() -> fixture.rows().containsKey(id));
    assertThat(fixture.rows().get(id).getLong("version")).isEqualTo(2_000_000);

    fixture.send(v1, TestUsers.user(other, "Marker")); // a replay of the old event, a later batch

    await().atMost(LANDING).until(() -> fixture.rows().containsKey(other));
    assertThat(StreamFixture.user(fixture.rows().get(id))).isEqualTo(v2);
    assertThat(fixture.ledger(TestUsers.RUN_ID))
        .contains("landed " + id + " 1000000", "landed " + id + " 2000000");
  }

  @Test
  void theSameUserTwiceLeavesOneRowWithTheNewerValues() throws Exception {
    UUID id = UUID.randomUUID();
    // one batch: the first pair in one write chunk, "Third" in a later chunk of the same
    // partition (about 2,300 of the 7,000 others share it, more than a chunk of 2,000)
    List<User> others = IntStream.range(0, 7_000).mapToObj(TestUsers::user).toList();
    fixture.send(version(id, "First", 1), version(id, "Second", 2));
    fixture.send(others);
    fixture.send(version(id, "Third", 3));
    query = UserStreamJob.start(spark, fixture.settings());
    await().atMost(LANDING).until(() -> fixture.rows().size() == others.size() + 1);
    assertThat(fixture.rows().get(id).getString("first_name")).isEqualTo("Third");

    fixture.send(version(id, "Fourth", 4)); // a later batch

    await()
        .atMost(LANDING)
        .untilAsserted(
            () -> assertThat(fixture.rows().get(id).getString("first_name")).isEqualTo("Fourth"));
    assertThat(fixture.rows()).hasSize(others.size() + 1);
  }

  @Test
  void poisonRecordsGoToTheDlqWithTheirReasonWhileGoodRecordsLand() throws Exception {
    User good = TestUsers.user(1);
    User invalid = TestUsers.withEmail(TestUsers.user(2), "not-an-address");
    byte[] wrongMagic = "{\"id\": 1}".getBytes(StandardCharsets.UTF_8);
    byte[] unknownId = ConfluentWireFormat.encode(999_999_999, UserAvro.toAvroBinary(good));
    byte[] garbage =
        ConfluentWireFormat.encode(fixture.codec.schemaId(), new byte[] {-1, -1, -1, -1, -1, -1});
    byte[] invalidValue = fixture.codec.encode(invalid);
    Map<String, byte[]> poison = new HashMap<>();
    poison.put("not-confluent-framed", wrongMagic);
    poison.put("unknown-schema-id", unknownId);
    poison.put("undecodable", garbage);
    poison.put("invalid-user", invalidValue);
    poison.forEach(
        (reason, value) -> fixture.sendRaw(reason.getBytes(StandardCharsets.UTF_8), value));
    fixture.send(good);

    query = UserStreamJob.start(spark, fixture.settings());

    List<ConsumerRecord<byte[], byte[]>> letters = fixture.deadLetters(4);
    assertThat(letters).hasSize(4);
    for (ConsumerRecord<byte[], byte[]> letter : letters) {
      String key = new String(letter.key(), StandardCharsets.UTF_8);
      assertThat(header(letter, DeadLetter.REASON)).isEqualTo(key);
      assertThat(letter.value()).isEqualTo(poison.get(key));
      assertThat(header(letter, DeadLetter.SOURCE_TOPIC)).isEqualTo(fixture.topic);
      assertThat(Integer.parseInt(header(letter, DeadLetter.SOURCE_PARTITION))).isBetween(0, 2);
      assertThat(Long.parseLong(header(letter, DeadLetter.SOURCE_OFFSET))).isNotNegative();
      assertThat(header(letter, DeadLetter.DETAIL)).isNotBlank();
    }
    await().atMost(LANDING).until(() -> fixture.rows().containsKey(good.id()));
    assertThat(fixture.rows()).containsOnlyKeys(good.id());
    await()
        .atMost(LANDING)
        .untilAsserted(
            () ->
                assertThat(fixture.ledger(TestUsers.RUN_ID))
                    .as("the invalid user counts as dead-lettered on its run, the good one landed")
                    .containsExactlyInAnyOrder(
                        "landed " + good.id() + " " + good.version(),
                        "dead_lettered " + invalid.id() + " " + invalid.version()));
  }

  @Test
  void aDeadLetterTooLargeForTheDlqGoesWithoutItsValueAndTheBatchGoesOn() throws Exception {
    fixture.limitDlqMessageBytes(3_000);
    UUID run = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    byte[] largePoison = new byte[20_000]; // not Confluent-framed: the first byte is not 0
    largePoison[0] = 7;
    fixture.sendRaw(user.toString().getBytes(StandardCharsets.UTF_8), largePoison, run, 9L);
    User good = TestUsers.user(11);
    fixture.send(good);

    query = UserStreamJob.start(spark, fixture.settings());

    ConsumerRecord<byte[], byte[]> letter = fixture.deadLetters(1).get(0);
    assertThat(letter.value()).isNull();
    assertThat(header(letter, DeadLetter.VALUE_OMITTED)).isEqualTo("20000");
    assertThat(header(letter, DeadLetter.REASON)).isEqualTo("not-confluent-framed");
    await().atMost(LANDING).until(() -> fixture.rows().containsKey(good.id()));
    await()
        .atMost(LANDING)
        .untilAsserted(
            () -> assertThat(fixture.ledger(run)).containsExactly("dead_lettered " + user + " 9"));
  }

  @Test
  void aRecordWrittenWithAnEvolvedSchemaDecodes() throws Exception {
    User user = TestUsers.user(5);
    int evolvedId =
        fixture.registry.register(fixture.topic + "-value", EvolvedSchemas.withMiddleName());
    fixture.send(TestUsers.user(4)); // registers the current schema first, as an older producer
    fixture.sendRaw(
        user.id().toString().getBytes(StandardCharsets.UTF_8),
        ConfluentWireFormat.encode(
            evolvedId, EvolvedSchemas.write(user, EvolvedSchemas.withMiddleName(), "Ann")));
    fixture.flush();

    query = UserStreamJob.start(spark, fixture.settings());

    await().atMost(LANDING).until(() -> fixture.rows().size() == 2);
    assertThat(StreamFixture.user(fixture.rows().get(user.id()))).isEqualTo(user);
    assertThat(fixture.deadLetters(0)).isEmpty();
  }

  @Test
  void aJobStoppedMidStreamAndRestartedEndsWithTheExactRowSet() throws Exception {
    List<User> first = IntStream.range(0, 400).mapToObj(TestUsers::user).toList();
    List<User> second = IntStream.range(400, 500).mapToObj(TestUsers::user).toList();
    fixture.send(first);
    String[] smallBatches = {"--max-offsets-per-trigger", "40"};

    query = UserStreamJob.start(spark, fixture.settings(smallBatches));
    await().atMost(LANDING).until(() -> !fixture.rows().isEmpty());
    query.stop();
    int landedBeforeStop = fixture.rows().size();
    fixture.send(second);
    query = UserStreamJob.start(spark, fixture.settings(smallBatches));

    assertThat(landedBeforeStop).isLessThan(first.size()); // it was stopped mid-stream
    await().atMost(LANDING).until(() -> fixture.rows().size() >= 500);
    Map<UUID, Row> rows = fixture.rows();
    assertThat(rows).hasSize(500);
    for (User user : concat(first, second)) {
      assertThat(StreamFixture.user(rows.get(user.id()))).isEqualTo(user);
    }
  }

  private static User version(UUID id, String firstName, long n) {
    return TestUsers.atVersion(TestUsers.user(id, firstName), TestUsers.VERSION + n);
  }

  private static List<User> concat(List<User> a, List<User> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
