package io.realtimestreaming.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.realtimestreaming.model.ingest.IngestClient;
import io.realtimestreaming.model.ingest.RunReport;
import io.realtimestreaming.model.registry.SchemaRegistryClient;
import io.realtimestreaming.model.wire.UserWireCodec;
import io.realtimestreaming.testing.RealServices;
import io.realtimestreaming.testing.ServiceEndpoints;
import io.realtimestreaming.testing.ServiceKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stopping the service while the relay publishes, then starting it again: every user reaches Kafka
 * exactly once.
 */
@RealServices({
  ServiceKind.POSTGRES,
  ServiceKind.KAFKA,
  ServiceKind.REGISTRY,
  ServiceKind.RANDOMUSER
})
class OutboxRestartIT {

  private RestartableService service;

  /**
   * Pages of 100 users, one page per relay batch, and a producer that lingers 250 ms before it
   * sends: publishing takes twenty transactions of at least 250 ms each, far longer than storing
   * the run, so the stop lands between batches whatever the machine's speed.
   */
  @BeforeEach
  void publishSlowly(ServiceEndpoints endpoints) {
    service =
        new RestartableService(
            endpoints,
            Map.of(
                "ingest.randomuser.page-size", "100",
                "ingest.outbox.batch-pages", "1",
                "spring.kafka.producer.properties.linger.ms", "250",
                "ingest.outbox.poll-interval", "10ms"));
  }

  @AfterEach
  void cleanUp() {
    service.cleanUp();
  }

  @Test
  void aStopDuringPublishingLosesNothingAndRepeatsNothing(ServiceEndpoints endpoints) {
    UUID run;
    long leftInOutbox;
    try (ConfigurableApplicationContext first = service.start()) {
      IngestClient api = ServiceUnderTest.client(ServiceUnderTest.port(first));
      run = api.start(2000, "restart-" + UUID.randomUUID());
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(5))
          .until(
              () -> {
                RunReport state = api.run(run);
                return state.status().equals("SUCCEEDED") && state.published() > 0;
              });
    } // closing the context is the service's shutdown: the relay finishes its batch and stops
    leftInOutbox = eventsInOutbox(run);
    assertThat(leftInOutbox)
        .as("the relay must have been stopped part way, or this test proves nothing")
        .isPositive();

    try (ConfigurableApplicationContext second = service.start()) {
      IngestClient api = ServiceUnderTest.client(ServiceUnderTest.port(second));
      RunReport done = AwaitRun.published(api, run, Duration.ofMinutes(2));
      assertThat(done.published()).isEqualTo(2000);
    }

    assertThat(eventsInOutbox(run)).isZero();
    List<ConsumerRecord<String, byte[]>> records =
        TopicRecords.readAll(
            endpoints.kafkaBootstrapServers(), service.topic(), 2000, Duration.ofMinutes(1));
    UserWireCodec codec =
        new UserWireCodec(
            new SchemaRegistryClient(endpoints.schemaRegistryUrl()), service.topic() + "-value");
    Map<String, Long> perKey =
        records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    assertThat(records).hasSize(2000);
    assertThat(perKey.values()).allMatch(n -> n == 1);
    Set<UUID> runs =
        records.stream()
            .map(r -> codec.decode(r.value()).ingestionRunId())
            .collect(Collectors.toSet());
    assertThat(runs).containsExactly(run);
  }

  private long eventsInOutbox(UUID run) {
    return service
        .db()
        .queryForObject(
            "select coalesce(sum(cardinality(user_ids)), 0) from outbox where run_id = ?",
            Long.class,
            run);
  }
}
