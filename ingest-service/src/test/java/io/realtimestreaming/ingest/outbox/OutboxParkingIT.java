package io.realtimestreaming.ingest.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.realtimestreaming.ingest.AwaitRun;
import io.realtimestreaming.ingest.ServiceUnderTest;
import io.realtimestreaming.ingest.randomuser.RandomUserBodies;
import io.realtimestreaming.model.ingest.IngestClient;
import io.realtimestreaming.model.ingest.RunReport;
import io.realtimestreaming.testing.RealServices;
import io.realtimestreaming.testing.ServiceEndpoints;
import io.realtimestreaming.testing.ServiceKind;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An event the real Kafka refuses for good (larger than its topic's {@code max.message.bytes}, made
 * small here) is parked with the reason, counted on its run, and the relay goes on: the events
 * around it and every later run are published.
 */
@RealServices({ServiceKind.POSTGRES, ServiceKind.KAFKA, ServiceKind.REGISTRY})
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "ingest.randomuser.page-size=5",
      "spring.kafka.producer.properties.max.request.size=1000"
    })
@ActiveProfiles(ServiceUnderTest.PROFILE)
class OutboxParkingIT {

  private static final String PATH = "/api/1.4/";
  private static final String SCHEMA = ServiceUnderTest.freshName("parking_it");
  private static final String TOPIC = ServiceUnderTest.freshName("users_created_it");
  private static ServiceEndpoints endpoints;

  @RegisterExtension
  static WireMockExtension upstream =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  static void services(ServiceEndpoints services) {
    endpoints = services;
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceUnderTest.properties(() -> endpoints, SCHEMA, TOPIC, () -> upstream.baseUrl() + PATH)
        .forEach(registry::add);
  }

  @AfterAll
  static void cleanUp() {
    ServiceUnderTest.cleanUp(endpoints, SCHEMA, TOPIC);
  }

  @Test
  void anEventKafkaRefusesIsParkedAndTheRelayGoesOn() {
    String seed = "parked-" + UUID.randomUUID();
    // valid for the user contract (an address up to 1,024 characters), too large for this topic
    String longAddress = "9".repeat(900);
    stub(
        seed,
        RandomUserBodies.pageWith(
            seed, 1, 5, Map.of(2, RandomUserBodies.set("location.street.name", longAddress))));
    IngestClient api = ServiceUnderTest.client(port);

    RunReport run = AwaitRun.published(api, api.start(5, seed), Duration.ofMinutes(1));

    assertThat(run.status()).isEqualTo("SUCCEEDED");
    assertThat(run.stored()).isEqualTo(5);
    assertThat(run.published()).isEqualTo(4);
    assertThat(run.parked()).isEqualTo(1);
    Map<String, Object> parked =
        jdbc.queryForMap("select run_id, user_id, reason from outbox_parked");
    assertThat(parked.get("run_id")).hasToString(run.id().toString());
    assertThat(parked.get("user_id")).isEqualTo(RandomUserBodies.userId(seed, 1, 2));
    assertThat((String) parked.get("reason")).startsWith("RecordTooLargeException");
    assertThat(api.parked(run.id(), 10)).containsExactly(RandomUserBodies.userId(seed, 1, 2));

    String next = "after-" + UUID.randomUUID();
    stub(next, RandomUserBodies.page(next, 1, 5));
    RunReport clean = AwaitRun.published(api, api.start(5, next), Duration.ofMinutes(1));

    assertThat(clean.published()).isEqualTo(5);
    assertThat(clean.parked()).isZero();
  }

  private static void stub(String seed, String body) {
    upstream.stubFor(
        get(urlPathEqualTo(PATH)).withQueryParam("seed", equalTo(seed)).willReturn(okJson(body)));
  }
}
