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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A page's commit wakes the relay: with a poll interval of a minute, a run's events still reach
 * Kafka within seconds, because the commit's notification starts a pass at once.
 */
@RealServices({ServiceKind.POSTGRES, ServiceKind.KAFKA, ServiceKind.REGISTRY})
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ingest.randomuser.page-size=5", "ingest.outbox.poll-interval=60s"})
@ActiveProfiles(ServiceUnderTest.PROFILE)
class OutboxWakeupIT {

  private static final String PATH = "/api/1.4/";
  private static final String SCHEMA = ServiceUnderTest.freshName("wakeup_it");
  private static final String TOPIC = ServiceUnderTest.freshName("users_created_it");
  private static ServiceEndpoints endpoints;

  @RegisterExtension
  static WireMockExtension upstream =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @LocalServerPort int port;

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
  void committedEventsArePublishedWithoutWaitingForThePoll() {
    IngestClient api = ServiceUnderTest.client(port);
    // the relay's first pass ran as the service started; its next poll is a minute away
    for (int run = 1; run <= 3; run++) {
      String seed = "wakeup-" + run + "-" + UUID.randomUUID();
      upstream.stubFor(
          get(urlPathEqualTo(PATH))
              .withQueryParam("seed", equalTo(seed))
              .willReturn(okJson(RandomUserBodies.page(seed, 1, 5))));

      RunReport published = AwaitRun.published(api, api.start(5, seed), Duration.ofSeconds(10));

      assertThat(published.published()).isEqualTo(5);
    }
  }
}
