package io.realtimestreaming.devstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.testing.RealServices;
import io.realtimestreaming.testing.ServiceEndpoints;
import io.realtimestreaming.testing.ServiceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@RealServices(ServiceKind.KAFKA)
class KafkaIT {

  @Test
  void theBrokerHasThePipelineTopics(ServiceEndpoints endpoints) throws Exception {
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()))) {
      Map<String, TopicDescription> topics =
          admin
              .describeTopics(List.of("users_created", "users_created.dlq"))
              .allTopicNames()
              .get(30, TimeUnit.SECONDS);

      assertThat(topics.get("users_created").partitions()).hasSize(3);
      assertThat(topics).containsKey("users_created.dlq");
    }
  }

  @Test
  void aProducedRecordIsConsumedWithItsKeyAndValue(ServiceEndpoints endpoints) throws Exception {
    String topic = "devstack_it_" + UUID.randomUUID();
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()))) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }

    RecordMetadata sent;
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                endpoints.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true),
            new StringSerializer(),
            new StringSerializer())) {
      sent =
          producer
              .send(new ProducerRecord<>(topic, "user-1", "{\"first_name\":\"Çetin\"}"))
              .get(30, TimeUnit.SECONDS);
    }

    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                endpoints.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "devstack-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (received.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(received::add);
      }
    }

    assertThat(received).hasSize(1);
    assertThat(received.get(0).key()).isEqualTo("user-1");
    assertThat(received.get(0).value()).isEqualTo("{\"first_name\":\"Çetin\"}");
    assertThat(received.get(0).offset()).isEqualTo(sent.offset());
  }
}
