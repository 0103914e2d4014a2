package io.realtimestreaming.ingest.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.realtimestreaming.model.registry.SchemaRegistryClient;
import io.realtimestreaming.model.wire.UserWireCodec;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The topic, the value codec with its registered schema, and the relay. */
@Configuration(proxyBeanMethods = false)
class OutboxConfig {

  private static final Logger log = LoggerFactory.getLogger(OutboxConfig.class);

  /** Created by Spring Kafka's KafkaAdmin at startup if missing. */
  @Bean
  NewTopic usersTopic(OutboxProperties properties) {
    return TopicBuilder.name(properties.topic())
        .partitions(properties.partitions())
        .replicas(properties.replicas())
        .config(
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(properties.maxMessageBytes()))
        .build();
  }

  /**
   * Registers the current {@code User} schema under {@code <topic>-value} and sets the subject to
   * BACKWARD, at startup: the service cannot encode a record without a schema id, so a registry
   * that refuses (or is down) stops it here, with the registry's answer, rather than at the first
   * run.
   */
  @Bean
  UserWireCodec userWireCodec(OutboxProperties properties) {
    SchemaRegistryClient registry = new SchemaRegistryClient(properties.schemaRegistryUrl());
    UserWireCodec codec = new UserWireCodec(registry, properties.subject());
    int id = codec.schemaId();
    registry.setCompatibility(properties.subject(), "BACKWARD");
    log.info(
        "schema registered under {} at {} with id {}, compatibility BACKWARD",
        properties.subject(),
        registry.baseUrl(),
        id);
    return codec;
  }

  @Bean
  RelayProgress relayProgress(Clock clock) {
    return new RelayProgress(clock);
  }

  @Bean
  OutboxRelay outboxRelay(
      OutboxStore store,
      KafkaTemplate<String, byte[]> kafka,
      PlatformTransactionManager transactions,
      OutboxProperties properties,
      RelayProgress progress,
      MeterRegistry meters) {
    Gauge.builder("ingest.outbox.backlog", store, OutboxStore::backlog)
        .description("events in the outbox not yet acknowledged by Kafka")
        .register(meters);
    Gauge.builder("ingest.outbox.stalled.seconds", progress, p -> p.sinceAdvance().toSeconds())
        .description("seconds since the relay last moved the outbox forward")
        .register(meters);
    return new OutboxRelay(
        store, kafka, new TransactionTemplate(transactions), properties, progress, meters);
  }

  @Bean
  OutboxWakeups outboxWakeups(
      DataSource dataSource, OutboxRelay relay, OutboxProperties properties) {
    return new OutboxWakeups(dataSource, relay, properties.wakeOnCommit());
  }

  @Bean
  OutboxHealthIndicator outboxHealthIndicator(
      OutboxStore store, RelayProgress progress, OutboxProperties properties) {
    return new OutboxHealthIndicator(store, progress, properties.stallTimeout());
  }

  @Bean
  KafkaHealthIndicator kafkaHealthIndicator(
      org.springframework.kafka.core.KafkaAdmin admin, OutboxProperties properties) {
    return new KafkaHealthIndicator(admin.getConfigurationProperties(), properties.healthTimeout());
  }
}
