package io.realtimestreaming.stream;

import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import io.realtimestreaming.model.User;
import io.realtimestreaming.model.registry.SchemaRegistryClient;
import io.realtimestreaming.model.wire.EventHeaders;
import io.realtimestreaming.model.wire.UserWireCodec;
import io.realtimestreaming.stream.settings.CassandraTarget;
import io.realtimestreaming.stream.settings.StreamOptions;
import io.realtimestreaming.stream.settings.StreamSettings;
import io.realtimestreaming.testing.ServiceEndpoints;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One scenario's own corner of the shared stack: a fresh topic (3 partitions) and DLQ topic, a
 * fresh table {@code spark_streams.created_users_it_<random>}, a fresh checkpoint dir, and the
 * clients to feed and inspect them. Closing drops the table and deletes the topics.
 */
public final class StreamFixture implements AutoCloseable {

  public final String topic;
  public final String dlqTopic;
  public final String table;
  public final String ledgerTable;
  public final String consumerGroup;
  public final Path checkpointDir;
  public final UserWireCodec codec;
  public final SchemaRegistryClient registry;

  private final ServiceEndpoints endpoints;
  private final Admin admin;
  private final KafkaProducer<byte[], byte[]> producer;
  private final CqlSession cql;

  public StreamFixture(ServiceEndpoints endpoints) throws Exception {
    this.endpoints = endpoints;
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    topic = "users_created_it_" + suffix;
    dlqTopic = topic + ".dlq";
    table = "created_users_it_" + suffix;
    ledgerTable = "run_outcomes_it_" + suffix;
    consumerGroup = "stream-job-it-" + suffix;
    checkpointDir = Files.createTempDirectory("stream-job-it-checkpoint-");
    admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers()));
    admin
        .createTopics(
            List.of(new NewTopic(topic, 3, (short) 1), new NewTopic(dlqTopic, 1, (short) 1)))
        .all()
        .get(30, TimeUnit.SECONDS);
    producer =
        new KafkaProducer<>(producerConfig(), new ByteArraySerializer(), new ByteArraySerializer());
    registry = new SchemaRegistryClient(endpoints.schemaRegistryUrl());
    codec = new UserWireCodec(registry, topic + "-value");
    cql = cqlSession(endpoints);
  }

  /**
   * A session for tests' own reads and DDL. DDL (a DROP TABLE on close) waits for schema agreement,
   * which on a busy shared node takes longer than the driver's default 2 s.
   */
  public static CqlSession cqlSession(ServiceEndpoints endpoints) {
    return CqlSession.builder()
        .addContactPoint(
            new InetSocketAddress(endpoints.cassandraHost(), endpoints.cassandraPort()))
        .withLocalDatacenter(endpoints.cassandraLocalDatacenter())
        .withConfigLoader(
            DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .build())
        .build();
  }

  /**
   * A target on a users table of its own ({@code created_users_it_<random>}, not yet created), for
   * a test that writes to Cassandra directly rather than through the job.
   */
  public static CassandraTarget scratchTarget(ServiceEndpoints endpoints, int maxInFlight) {
    return new CassandraTarget(
        List.of(endpoints.cassandraContactPoint()),
        endpoints.cassandraLocalDatacenter(),
        "spark_streams",
        "created_users_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
        "run_outcomes",
        "ONE",
        maxInFlight);
  }

  /**
   * The job's settings for this fixture, with {@code extra} flags appended (later flags win). In
   * micro-batch mode unless told otherwise: these tests drive the batches (a batch's chunk, a
   * failed batch replayed) within seconds; the default, real-time mode, runs in the real-time tests
   * here and through the built jars in the e2e suite.
   */
  public StreamSettings settings(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--bootstrap-servers",
                endpoints.kafkaBootstrapServers(),
                "--topic",
                topic,
                "--dlq-topic",
                dlqTopic,
                "--registry-url",
                endpoints.schemaRegistryUrl(),
                "--cassandra-contact-points",
                endpoints.cassandraContactPoint(),
                "--cassandra-local-dc",
                endpoints.cassandraLocalDatacenter(),
                "--cassandra-table",
                table,
                "--cassandra-ledger-table",
                ledgerTable,
                "--cassandra-consistency",
                "ONE",
                "--checkpoint-dir",
                checkpointDir.toString(),
                "--trigger",
                "micro-batch",
                "--trigger-interval",
                "500 milliseconds",
                "--starting-offsets",
                "earliest",
                "--consumer-group",
                consumerGroup));
    args.addAll(Arrays.asList(extra));
    return StreamOptions.parse(args.toArray(String[]::new));
  }

  /** Publishes users as ingest-service does: key = user id, value = Confluent-framed Avro. */
  public void send(User... users) {
    for (User user : users) {
      sendRaw(
          user.id().toString().getBytes(StandardCharsets.UTF_8),
          codec.encode(user),
          user.ingestionRunId(),
          user.version());
    }
    producer.flush();
  }

  public void send(List<User> users) {
    send(users.toArray(User[]::new));
  }

  public void sendRaw(byte[] key, byte[] value) {
    producer.send(new ProducerRecord<>(topic, key, value));
  }

  /** A record with the headers the ingest service's relay adds: its run and version. */
  public void sendRaw(byte[] key, byte[] value, UUID run, long version) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(EventHeaders.RUN_ID, EventHeaders.text(run.toString()));
    headers.add(EventHeaders.USER_VERSION, EventHeaders.text(Long.toString(version)));
    producer.send(new ProducerRecord<>(topic, null, key, value, headers));
  }

  /**
   * Deletes the topic and creates it again, empty, as a wiped broker or a reset that kept the
   * checkpoint leaves it.
   */
  public void recreateTopic() throws Exception {
    admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
    // Deletion completes in the background, and a consumer still reading the topic may have the
    // broker create it again first (auto.create.topics.enable): either way it is back once it
    // exists and holds nothing.
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(
            () -> {
              try {
                admin
                    .createTopics(List.of(new NewTopic(topic, 3, (short) 1)))
                    .all()
                    .get(10, TimeUnit.SECONDS);
              } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                  throw e;
                }
              }
              return isEmpty(topic);
            });
  }

  /** Grows the topic to {@code partitions} partitions. */
  public void growTopic(int partitions) throws Exception {
    admin
        .createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions)))
        .all()
        .get(30, TimeUnit.SECONDS);
  }

  private boolean isEmpty(String name) throws Exception {
    Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
        new HashMap<>();
    admin
        .describeTopics(List.of(name))
        .allTopicNames()
        .get(10, TimeUnit.SECONDS)
        .get(name)
        .partitions()
        .forEach(
            p ->
                latest.put(
                    new org.apache.kafka.common.TopicPartition(name, p.partition()),
                    org.apache.kafka.clients.admin.OffsetSpec.latest()));
    return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
        .allMatch(o -> o.offset() == 0);
  }

  /** The next offset per partition the consumer group holds for the topic (empty: none). */
  public Map<Integer, Long> committedOffsets() throws Exception {
    Map<Integer, Long> offsets = new HashMap<>();
    admin
        .listConsumerGroupOffsets(consumerGroup)
        .partitionsToOffsetAndMetadata()
        .get(10, TimeUnit.SECONDS)
        .forEach(
            (partition, offset) -> {
              if (partition.topic().equals(topic)) {
                offsets.put(partition.partition(), offset.offset());
              }
            });
    return offsets;
  }

  /** The topic's end offset per partition. */
  public Map<Integer, Long> endOffsets() throws Exception {
    Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
        new HashMap<>();
    for (int p = 0; p < 3; p++) {
      latest.put(
          new org.apache.kafka.common.TopicPartition(topic, p),
          org.apache.kafka.clients.admin.OffsetSpec.latest());
    }
    Map<Integer, Long> offsets = new HashMap<>();
    admin
        .listOffsets(latest)
        .all()
        .get(10, TimeUnit.SECONDS)
        .forEach((partition, info) -> offsets.put(partition.partition(), info.offset()));
    return offsets;
  }

  /** Lowers the DLQ topic's {@code max.message.bytes}, as an operator might. */
  public void limitDlqMessageBytes(int bytes) throws Exception {
    admin
        .incrementalAlterConfigs(
            Map.of(
                new ConfigResource(ConfigResource.Type.TOPIC, dlqTopic),
                List.of(
                    new AlterConfigOp(
                        new ConfigEntry(
                            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(bytes)),
                        AlterConfigOp.OpType.SET))))
        .all()
        .get(30, TimeUnit.SECONDS);
  }

  public void flush() {
    producer.flush();
  }

  /** The table's rows by id. */
  public Map<UUID, Row> rows() {
    Map<UUID, Row> rows = new HashMap<>();
    cql.execute("SELECT * FROM spark_streams." + table).forEach(r -> rows.put(r.getUuid("id"), r));
    return rows;
  }

  public CqlSession cql() {
    return cql;
  }

  /**
   * The run ledger's events of {@code run}, unpacked and distinct (as its readers count them):
   * "outcome user version" each.
   */
  public List<String> ledger(UUID run) {
    Set<String> events = new LinkedHashSet<>();
    for (Row pack :
        cql.execute(
            "SELECT outcome, user_ids, versions FROM spark_streams."
                + ledgerTable
                + " WHERE ingestion_run_id = ?",
            run)) {
      List<UUID> users = pack.getList(1, UUID.class);
      List<Long> versions = pack.getList(2, Long.class);
      for (int i = 0; i < users.size(); i++) {
        events.add(pack.getString(0) + " " + users.get(i) + " " + versions.get(i));
      }
    }
    return List.copyOf(events);
  }

  /** When the run ledger first recorded each user of {@code run} as landed. */
  public Map<UUID, Instant> landedAt(UUID run) {
    Map<UUID, Instant> landed = new HashMap<>();
    for (Row pack :
        cql.execute(
            "SELECT user_ids, recorded_at FROM spark_streams."
                + ledgerTable
                + " WHERE ingestion_run_id = ? AND outcome = 'landed'",
            run)) {
      Instant at = pack.getInstant(1);
      pack.getList(0, UUID.class)
          .forEach(user -> landed.merge(user, at, (a, b) -> a.isBefore(b) ? a : b));
    }
    return landed;
  }

  /** Waits for {@code count} records on the DLQ topic and returns them. */
  public List<ConsumerRecord<byte[], byte[]>> deadLetters(int count) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(dlqTopic));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                return records.size() >= count;
              });
    }
    return records;
  }

  /** A Cassandra row read back as the user it was written from (processed_at aside). */
  public static User user(Row r) {
    return new User(
        r.getUuid("id"),
        r.getString("first_name"),
        r.getString("last_name"),
        r.getString("gender"),
        r.getString("address"),
        r.getString("post_code"),
        r.getString("email"),
        r.getString("username"),
        r.getInstant("dob"),
        r.getInstant("registered_date"),
        r.getString("phone"),
        r.getString("picture"),
        r.getString("nationality"),
        r.getUuid("ingestion_run_id"),
        r.getInstant("ingested_at"),
        r.getLong("version"));
  }

  @Override
  public void close() throws Exception {
    producer.close();
    try {
      cql.execute("DROP TABLE IF EXISTS spark_streams." + table);
      cql.execute("DROP TABLE IF EXISTS spark_streams." + ledgerTable);
    } finally {
      cql.close();
      try {
        admin.deleteTopics(List.of(topic, dlqTopic)).all().get(30, TimeUnit.SECONDS);
        admin.deleteConsumerGroups(List.of(consumerGroup)).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        // a topic or group the test never got to create is fine to miss
      } finally {
        admin.close();
      }
      try (Stream<Path> files = Files.walk(checkpointDir)) {
        files
            .sorted((a, b) -> b.getNameCount() - a.getNameCount())
            .forEach(p -> p.toFile().delete());
      }
    }
  }

  private Properties producerConfig() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return props;
  }
}
