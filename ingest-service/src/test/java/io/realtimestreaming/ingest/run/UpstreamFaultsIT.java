package io.realtimestreaming.ingest.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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
 * Runs against a stubbed randomuser (pages of 5) and the real stores: what upstream faults and bad
 * records do to a run's status and counts. Each test uses its own seed, so the stubs of one do not
 * answer another.
 */
@RealServices({ServiceKind.POSTGRES, ServiceKind.KAFKA, ServiceKind.REGISTRY})
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "ingest.randomuser.page-size=5",
      "ingest.randomuser.retry.max-attempts=2",
      "ingest.randomuser.retry.initial-backoff=10ms"
    })
@ActiveProfiles(ServiceUnderTest.PROFILE)
class UpstreamFaultsIT {

  private static final String PATH = "/api/1.4/";
  private static final String SCHEMA = ServiceUnderTest.freshName("ingest_it");
  private static final String TOPIC = ServiceUnderTest.freshName("users_created_it");
  private static ServiceEndpoints endpoints; // set once, before the context starts

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
  void aShortPageEndsTheRunWithWhatItHad() {
    String seed = "short-" + UUID.randomUUID();
    stubPage(seed, 1, RandomUserBodies.page(seed, 1, 5));
    stubPage(seed, 2, RandomUserBodies.page(seed, 2, 3));

    RunReport run = finish(12, seed);

    assertThat(run.status()).isEqualTo("SUCCEEDED");
    assertThat(run.requested()).isEqualTo(12);
    assertThat(run.fetched()).isEqualTo(8);
    assertThat(run.stored()).isEqualTo(8);
    assertThat(run.published()).isEqualTo(8);
    upstream.verify(0, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("page", equalTo("3")));
  }

  @Test
  void aMalformedRecordIsRejectedAndTheRunGoesOn() {
    String seed = "bad-record-" + UUID.randomUUID();
    stubPage(seed, 1, RandomUserBodies.pageWithoutUuidAt(seed, 1, 5, 2));
    stubPage(seed, 2, RandomUserBodies.page(seed, 2, 5));

    RunReport run = finish(10, seed);

    assertThat(run.status()).isEqualTo("SUCCEEDED");
    assertThat(run.fetched()).isEqualTo(10);
    assertThat(run.rejected()).isEqualTo(1);
    assertThat(run.stored()).isEqualTo(9);
    assertThat(run.published()).isEqualTo(9);
  }

  @Test
  void aPageThatStaysMalformedFailsTheRunAfterItsRetries() {
    String seed = "malformed-" + UUID.randomUUID();
    stubPage(seed, 1, RandomUserBodies.page(seed, 1, 5));
    stubPage(seed, 2, RandomUserBodies.page(seed, 2, 5).substring(0, 300));

    RunReport run = finish(10, seed);

    assertThat(run.status()).isEqualTo("FAILED");
    assertThat(run.error()).contains("page 2 answered 200 with a body that is not valid JSON");
    assertThat(run.stored()).isEqualTo(5); // page 1 committed before the failure
    assertThat(finishedAt(run)).isNotNull();
    upstream.verify(
        2,
        getRequestedFor(urlPathEqualTo(PATH))
            .withQueryParam("seed", equalTo(seed))
            .withQueryParam("page", equalTo("2")));
  }

  @Test
  void aOneOffGarbage200IsRetriedAndTheRunGoesOn() {
    String seed = "garbage-" + UUID.randomUUID();
    stubPage(seed, 1, RandomUserBodies.page(seed, 1, 5));
    upstream.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("seed", equalTo(seed))
            .withQueryParam("page", equalTo("2"))
            .inScenario(seed)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>"))
            .willSetStateTo("fine"));
    upstream.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("seed", equalTo(seed))
            .withQueryParam("page", equalTo("2"))
            .inScenario(seed)
            .whenScenarioStateIs("fine")
            .willReturn(okJson(RandomUserBodies.page(seed, 2, 5))));

    RunReport run = finish(10, seed);

    assertThat(run.status()).isEqualTo("SUCCEEDED");
    assertThat(run.stored()).isEqualTo(10);
    assertThat(run.published()).isEqualTo(10);
  }

  @Test
  void eachBadRecordCostsOnlyItselfAndTheCountsReconcile() {
    String seed = "mixed-" + UUID.randomUUID();
    stubPage(
        seed,
        1,
        RandomUserBodies.pageWith(
            seed,
            1,
            5,
            Map.of(
                0, RandomUserBodies.set("name.first", "Ann\u0000"),
                1, RandomUserBodies.set("email", "no-at-sign"),
                2, RandomUserBodies.set("registered.date", "2999-01-01T00:00:00.000Z"),
                3, RandomUserBodies.userOf(seed, 1, 4)))); // a repeat within the page
    stubPage(
        seed,
        2,
        RandomUserBodies.pageWith(
            seed,
            2,
            5,
            Map.of(
                0, RandomUserBodies.userOf(seed, 1, 4), // a repeat of page 1
                1, RandomUserBodies.set("cell", "0".repeat(40_000)), // a record of 40 KB
                2, RandomUserBodies.set("phone", "call\r\nme"))));

    RunReport run = finish(10, seed);

    assertThat(run.status()).isEqualTo("SUCCEEDED");
    assertThat(run.fetched()).isEqualTo(10);
    assertThat(run.rejected()).isEqualTo(5);
    assertThat(run.duplicates()).isEqualTo(2);
    assertThat(run.stored()).isEqualTo(3); // page 1 index 4, page 2 index 3 and 4
    assertThat(run.published()).isEqualTo(3);
    assertThat(run.parked()).isZero();
    assertThat(run.reconciliation().rejectedByReason())
        .containsEntry("invalid_character", 2)
        .containsEntry("invalid_email", 1)
        .containsEntry("timestamp_out_of_range", 1)
        .containsEntry("record_too_large", 1);
  }

  @Test
  void persistent5xxFailsTheRunAfterRetrying() {
    String seed = "down-" + UUID.randomUUID();
    upstream.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("seed", equalTo(seed))
            .willReturn(serverError().withBody("{\"error\":\"down\"}")));

    RunReport run = finish(5, seed);

    assertThat(run.status()).isEqualTo("FAILED");
    assertThat(run.error()).contains("HTTP 500");
    upstream.verify(2, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("seed", equalTo(seed)));
  }

  private RunReport finish(int count, String seed) {
    IngestClient api = ServiceUnderTest.client(port);
    UUID id = api.start(count, seed);
    RunReport ended = AwaitRun.ended(api, id, Duration.ofSeconds(30));
    return ended.failed() ? ended : AwaitRun.published(api, id, Duration.ofSeconds(30));
  }

  private Object finishedAt(RunReport run) {
    return jdbc.queryForObject(
        "select finished_at from ingestion_runs where id = ?", Object.class, run.id());
  }

  private static void stubPage(String seed, int page, String body) {
    upstream.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("seed", equalTo(seed))
            .withQueryParam("page", equalTo(Integer.toString(page)))
            .willReturn(okJson(body)));
  }
}
