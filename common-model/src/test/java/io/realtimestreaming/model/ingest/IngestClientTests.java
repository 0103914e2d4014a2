package io.realtimestreaming.model.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IngestClientTests {

  @RegisterExtension
  static WireMockExtension service =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final UUID RUN = UUID.fromString("00000000-0000-4000-8000-000000000001");

  final IngestClient client = new IngestClient(service.baseUrl(), "the-key");

  @Test
  void startsARunWithTheKeyAndAnswersItsId() {
    service.stubFor(
        post(urlEqualTo("/api/v1/ingestions"))
            .willReturn(aResponse().withStatus(202).withBody("{\"id\":\"" + RUN + "\"}")));

    assertThat(client.start(10, "s")).isEqualTo(RUN);
    service.verify(
        postRequestedFor(urlEqualTo("/api/v1/ingestions"))
            .withHeader("X-API-Key", equalTo("the-key"))
            .withRequestBody(equalToJson("{\"count\":10,\"seed\":\"s\"}")));
  }

  @Test
  void readsARunWithItsReconciliation() {
    service.stubFor(
        get(urlEqualTo("/api/v1/ingestions/" + RUN))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        """
                        {"id":"%s","status":"SUCCEEDED","requested":10,"fetched":10,"stored":7,
                         "duplicates":1,"rejected":2,"published":6,"parked":1,"error":null,
                         "startedAt":"2026-12-01T00:00:00Z",
                         "reconciliation":{"rejectedByReason":{"invalid_email":2},"stored":7,
                           "published":6,"parked":1,"landed":5,"deadLettered":1,"pending":[],
                           "ledgerError":null,"caughtUp":true}}
                        """
                            .formatted(RUN))));

    RunReport run = client.run(RUN);

    assertThat(run.status()).isEqualTo("SUCCEEDED");
    assertThat(run.parked()).isEqualTo(1);
    assertThat(run.reconciliation().rejectedByReason()).isEqualTo(Map.of("invalid_email", 2));
    assertThat(run.landed()).isEqualTo(5);
    assertThat(run.deadLettered()).isEqualTo(1);
    assertThat(run.caughtUp()).isTrue();
    assertThat(run.reconciliation().pending()).isEqualTo(List.of());
  }

  @Test
  void readsTheRecentRunsNewestFirst() {
    UUID older = UUID.fromString("00000000-0000-4000-8000-000000000002");
    service.stubFor(
        get(urlEqualTo("/api/v1/ingestions?limit=20"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        """
                        [{"id":"%s","status":"RUNNING","reconciliation":null},
                         {"id":"%s","status":"FAILED","error":"HTTP 500","reconciliation":null}]
                        """
                            .formatted(RUN, older))));

    List<RunReport> runs = client.recent(20);

    assertThat(runs).extracting(RunReport::id).containsExactly(RUN, older);
    assertThat(runs.get(1).failed()).isTrue();
    assertThat(runs.get(1).error()).isEqualTo("HTTP 500");
  }

  @Test
  void listsTheRunsParkedUsers() {
    UUID user = UUID.fromString("00000000-0000-4000-8000-0000000000aa");
    service.stubFor(
        get(urlEqualTo("/api/v1/ingestions/" + RUN + "/parked?limit=10"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody("{\"runId\":\"%s\",\"userIds\":[\"%s\"]}".formatted(RUN, user))));

    assertThat(client.parked(RUN, 10)).containsExactly(user);
  }

  @Test
  void aWrongKeyIsOneSentenceSayingWhichSettingToChange() {
    service.stubFor(
        get(urlEqualTo("/api/v1/ingestions/" + RUN))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody("{\"detail\":\"the X-API-Key header does not hold the key\"}")));

    IngestApiException e = catchThrowableOfType(IngestApiException.class, () -> client.run(RUN));

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.getMessage())
        .contains("refused the API key", "does not hold the key", "set INGEST_API_KEY")
        .doesNotContain("\n");
  }

  @Test
  void anUnavailableServiceSaysWhenToTryAgain() {
    service.stubFor(
        get(urlEqualTo("/api/v1/ingestions/" + RUN))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Retry-After", "5")
                    .withBody("{\"detail\":\"PostgreSQL is unavailable\"}")));

    IngestApiException e = catchThrowableOfType(IngestApiException.class, () -> client.run(RUN));

    assertThat(e.getMessage()).contains("503", "PostgreSQL is unavailable", "try again in 5 s");
  }

  @Test
  void aServiceThatDoesNotAnswerSaysHowToStartIt() {
    IngestClient nobody = new IngestClient("http://127.0.0.1:1", "k");

    IngestApiException e = catchThrowableOfType(IngestApiException.class, () -> nobody.run(RUN));

    assertThat(e.status()).isZero();
    assertThat(e.getMessage()).contains("does not answer", "./pipeline up ingest-service");
  }
}
