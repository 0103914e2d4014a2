package io.realtimestreaming.bench.stream;

import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.model.User;
import io.realtimestreaming.model.registry.SchemaRegistryClient;
import io.realtimestreaming.model.wire.EventHeaders;
import io.realtimestreaming.model.wire.UserWireCodec;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts users on a topic of the bench's as the outbox relay would: 3 partitions as users_created,
 * keyed by user id, the value Avro in the Confluent wire format with the schema registered under
 * the topic's subject, the run and version as headers.
 */
final class TopicFeed {

  static final int PARTITIONS = 3;

  private TopicFeed() {}

  static void publish(StackSettings s, String topic, List<User> users, PrintStream out)
      throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, s.kafkaBootstrapServers()))) {
      admin
          .createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    UserWireCodec codec =
        new UserWireCodec(new SchemaRegistryClient(s.registryUrl()), topic + "-value");
    long start = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                s.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.BATCH_SIZE_CONFIG,
                262_144),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (User user : users) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.RUN_ID, EventHeaders.text(user.ingestionRunId().toString()));
        headers.add(EventHeaders.USER_VERSION, EventHeaders.text(Long.toString(user.version())));
        producer.send(
            new ProducerRecord<>(topic, null, user.id().toString(), codec.encode(user), headers));
      }
      producer.flush();
    }
    out.printf(
        "  %,d users on %s in %.1f s (not timed)%n",
        users.size(), topic, (System.nanoTime() - start) / 1e9);
  }
}
