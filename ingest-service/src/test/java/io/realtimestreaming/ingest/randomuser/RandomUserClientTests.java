package io.realtimestreaming.ingest.randomuser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.realtimestreaming.model.randomuser.RandomUserPage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real client against a stubbed randomuser: the faults it retries and the ones it does not. */
class RandomUserClientTests {

  private static final String PATH = "/api/1.4/";

  @RegisterExtension
  static WireMockExtension upstream =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Test
  void readsTheWholeBodyWhateverLengthTheServerAnnounced() throws Exception {
    byte[] body = "{\"results\":[]}".getBytes(StandardCharsets.UTF_8);

    assertThat(read(body, body.length, 1000)).isEqualTo(body);
    assertThat(read(body, -1, 1000)).isEqualTo(body);
    assertThat(read(body, 4, 1000)).isEqualTo(body);
    assertThat(read(body, body.length + 10, 1000)).isEqualTo(body);
    assertThat(read(body, Long.MAX_VALUE, 1000)).as("a lie of 8 EB").isEqualTo(body);
    assertThat(read(body, -1, body.length)).as("exactly the cap").isEqualTo(body);
  }

  @Test
  void readsABodyThatArrivesInPiecesWhole() throws Exception {
    byte[] body = new byte[300_000];
    new java.util.Random(7).nextBytes(body);

    for (long announced : new long[] {-1, body.length, 1000}) {
      assertThat(RandomUserClient.read(new Trickle(body), announced, body.length))
          .as("announced %d", announced)
          .isEqualTo(body);
    }
    assertThat(RandomUserClient.read(new Trickle(new byte[0]), -1, 1000)).isEmpty();
  }

  @Test
  void refusesABodyOverTheCapWhateverLengthWasAnnounced() {
    byte[] body = new byte[2000];

    for (long announced : new long[] {-1, 100, 2000}) {
      UpstreamException e =
          catchThrowableOfType(UpstreamException.class, () -> read(body, announced, 1999));
      assertThat(e.retryable()).isTrue();
      assertThat(e.getMessage()).contains("more than 1999 bytes");
    }
  }

  @Test
  void retriesA429AndReturnsThePageThatFollows() {
    upstream.stubFor(
        get(urlPathEqualTo(PATH))
            .inScenario("limited")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withBody("{\"error\":\"slow down\"}"))
            .willSetStateTo("allowed"));
    upstream.stubFor(
        get(urlPathEqualTo(PATH))
            .inScenario("limited")
            .whenScenarioStateIs("allowed")
            .willReturn(okJson(RandomUserBodies.page("s", 1, 3))));

    RandomUserPage page = client(properties(3, Duration.ofSeconds(2))).fetch(query(3));

    assertThat(page.results()).hasSize(3);
    upstream.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    assertThat(meters.get("ingest.upstream.latency").timer().count()).isEqualTo(2);
  }

  @Test
  void retriesA500UntilAttemptsRunOutThenFailsWithTheAnswer() {
    upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(serverError().withBody("boom")));

    UpstreamException e =
        catchThrowableOfType(
            UpstreamException.class,
            () -> client(properties(4, Duration.ofSeconds(2))).fetch(query(3)));

    assertThat(e.getMessage()).contains("HTTP 500").contains("boom");
    upstream.verify(4, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void retriesATimeoutAndReturnsThePageOfTheNextAttempt() {
    upstream.stubFor(
        get(urlPathEqualTo(PATH))
            .inScenario("slow")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(RandomUserBodies.page("s", 1, 3)).withFixedDelay(1500))
            .willSetStateTo("fast"));
    upstream.stubFor(
        get(urlPathEqualTo(PATH))
            .inScenario("slow")
            .whenScenarioStateIs("fast")
            .willReturn(okJson(RandomUserBodies.page("s", 1, 3))));

    RandomUserPage page = client(properties(3, Duration.ofMillis(300))).fetch(query(3));

    assertThat(page.results()).hasSize(3);
    upstream.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void failsAfterTimeoutsOnEveryAttempt() {
    upstream.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(okJson(RandomUserBodies.page("s", 1, 3)).withFixedDelay(1000)));

    UpstreamException e =
        catchThrowableOfType(
            UpstreamException.class,
            () -> client(properties(2, Duration.ofMillis(200))).fetch(query(3)));

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("did not answer");
    upstream.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void retriesA200ThatIsNoPageThenFailsWithWhatCameBack() {
    String truncated = RandomUserBodies.page("s", 1, 3).substring(0, 100);
    upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(truncated)));

    UpstreamException e =
        catchThrowableOfType(
            UpstreamException.class,
            () -> client(properties(3, Duration.ofSeconds(2))).fetch(query(3)));

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage())
        .contains("page 1 answered 200 with a body that is not valid JSON", "of 100 bytes")
        .as("the body is a user record: personal data stays out of errors and logs")
        .doesNotContain(truncated.substring(20, 60));
    upstream.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<html><body><h1>502 Bad Gateway</h1></body></html>",
        "{\"error\":\"Uh oh, something has gone wrong. Please tell us on GitHub.\"}",
        "{\"results\":[{\"gender\":\"female\",\"name\":{",
        "{\"info\":{\"seed\":\"s\"}}",
        "[]",
        ""
      })
  void retriesAOneOffGarbage200LikeA5xx(String garbage) {
    upstream.stubFor(
        get(urlPathEqualTo(PATH))
            .inScenario("garbage")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(200).withBody(garbage))
            .willSetStateTo("fine"));
    upstream.stubFor(
        get(urlPathEqualTo(PATH))
            .inScenario("garbage")
            .whenScenarioStateIs("fine")
            .willReturn(okJson(RandomUserBodies.page("s", 1, 3))));

    RandomUserPage page = client(properties(3, Duration.ofSeconds(2))).fetch(query(3));

    assertThat(page.results()).hasSize(3);
    upstream.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void everyAttemptTakesItsUsersFromTheRateBudget() {
    upstream.stubFor(
        get(urlPathEqualTo(PATH))
            .inScenario("once")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(serverError())
            .willSetStateTo("fine"));
    upstream.stubFor(
        get(urlPathEqualTo(PATH))
            .inScenario("once")
            .whenScenarioStateIs("fine")
            .willReturn(okJson(RandomUserBodies.page("s", 1, 3))));
    RandomUserProperties budgetOfSix =
        new RandomUserProperties(
            URI.create(upstream.baseUrl() + PATH),
            3,
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            retryOf(2),
            new RandomUserProperties.RateBudget(6, Duration.ofHours(1), Duration.ZERO),
            1 << 20);
    RandomUserClient client = client(budgetOfSix);

    client.fetch(query(3)); // a 500, then the page: 6 users of budget
    UpstreamException e =
        catchThrowableOfType(UpstreamException.class, () -> client.fetch(query(3)));

    assertThat(e.getMessage()).contains("no randomuser rate budget for 3 users");
    upstream.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void doesNotRetryAClientError() {
    upstream.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"bad format\"}")));

    UpstreamException e =
        catchThrowableOfType(
            UpstreamException.class,
            () -> client(properties(3, Duration.ofSeconds(2))).fetch(query(3)));

    assertThat(e.getMessage()).contains("HTTP 400").contains("bad format");
    upstream.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void asksForSeedPageResultsAndNationalities() {
    upstream.stubFor(
        get(urlPathEqualTo(PATH)).willReturn(okJson(RandomUserBodies.page("s", 2, 3))));

    client(properties(3, Duration.ofSeconds(2)))
        .fetch(new PageQuery("s", 2, 3, List.of("us", "gb")));

    upstream.verify(
        getRequestedFor(urlPathEqualTo(PATH))
            .withQueryParam("seed", equalTo("s"))
            .withQueryParam("page", equalTo("2"))
            .withQueryParam("results", equalTo("3"))
            .withQueryParam("nat", equalTo("us,gb")));
  }

  @Test
  void refusesAPageOnceTheRateBudgetIsSpent() {
    upstream.stubFor(
        get(urlPathEqualTo(PATH)).willReturn(okJson(RandomUserBodies.page("s", 1, 3))));
    RandomUserProperties budgetOfFive =
        new RandomUserProperties(
            URI.create(upstream.baseUrl() + PATH),
            3,
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            retryOf(1),
            new RandomUserProperties.RateBudget(5, Duration.ofHours(1), Duration.ZERO),
            1 << 20);
    RandomUserClient client = client(budgetOfFive);

    client.fetch(query(3));
    UpstreamException e =
        catchThrowableOfType(UpstreamException.class, () -> client.fetch(query(3)));

    assertThat(e.getMessage()).contains("no randomuser rate budget for 3 users");
    upstream.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
  }

  private RandomUserClient client(RandomUserProperties properties) {
    return new RandomUserConfig().randomUserClient(properties, meters);
  }

  private static PageQuery query(int results) {
    return new PageQuery("s", 1, results, List.of());
  }

  private static RandomUserProperties properties(int attempts, Duration readTimeout) {
    return new RandomUserProperties(
        URI.create(upstream.baseUrl() + PATH),
        100,
        Duration.ofSeconds(1),
        readTimeout,
        retryOf(attempts),
        new RandomUserProperties.RateBudget(
            1_000_000, Duration.ofMinutes(5), Duration.ofSeconds(1)),
        1 << 20);
  }

  private static byte[] read(byte[] body, long announced, int cap) throws java.io.IOException {
    return RandomUserClient.read(new ByteArrayInputStream(body), announced, cap);
  }

  /** A body read from the network: at most 1,000 bytes a read, however many are asked. */
  private static final class Trickle extends java.io.InputStream {
    private final ByteArrayInputStream body;

    Trickle(byte[] body) {
      this.body = new ByteArrayInputStream(body);
    }

    @Override
    public int read() {
      return body.read();
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      return body.read(into, offset, Math.min(length, 1000));
    }
  }

  // short backoff so the tests stay fast; its shape is RandomUserConfigTests' business
  private static RandomUserProperties.Retry retryOf(int attempts) {
    return new RandomUserProperties.Retry(
        attempts, Duration.ofMillis(20), 2.0, 0.5, Duration.ofMillis(100), Duration.ofSeconds(1));
  }
}
