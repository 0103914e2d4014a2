package io.realtimestreaming.randomuser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RandomUserFaultTests {

  private static final String API_ERROR =
      "Uh oh, something has gone wrong. Please tweet us @randomapi about the issue. Thank you.";

  private static RandomUserHttp http;

  @BeforeAll
  static void start() {
    http = new RandomUserHttp();
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  @Test
  void fault429AnswersTooManyRequestsWithTheApiError() {
    HttpResponse<String> response = http.get("?seed=f429&fault=429");

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(RandomUserHttp.parse(response.body()).path("error").asText()).isEqualTo(API_ERROR);
  }

  @Test
  void fault500AnswersServerErrorWithTheApiError() {
    HttpResponse<String> response = http.get("?seed=f500&fault=500");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(RandomUserHttp.parse(response.body()).path("error").asText()).isEqualTo(API_ERROR);
  }

  @Test
  void theFaultCanComeFromTheXFaultHeader() {
    HttpResponse<String> response =
        http.send(
            http.request(http.server.baseUrl() + "?seed=header").header("X-Fault", "500").build());

    assertThat(response.statusCode()).isEqualTo(500);
  }

  @Test
  void malformedAnswers200WithJsonThatDoesNotParse() {
    HttpResponse<String> response = http.get("?seed=bad-json&results=10&fault=malformed");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("{\"results\":[{");
    assertThatThrownBy(() -> RandomUserHttp.parse(response.body()))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(JsonProcessingException.class);
  }

  @Test
  void slowAnswersNormallyAfterTheDelay() {
    long started = System.nanoTime();
    HttpResponse<String> response = http.get("?seed=slow&fault=slow&delayMs=300");
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(millis).isGreaterThanOrEqualTo(300);
    assertThat(RandomUserHttp.parse(response.body()).path("results"))
        .isEqualTo(http.json("?seed=slow").path("results"));
  }

  @Test
  void slowMakesAClientWithAShortTimeoutTimeOut() {
    var request =
        http.request(http.server.baseUrl() + "?seed=timeout&fault=slow&delayMs=3000")
            .timeout(Duration.ofMillis(200))
            .build();

    assertThatThrownBy(() -> http.client().send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(http.get("?seed=after-timeout").statusCode()).isEqualTo(200);
  }

  @Test
  void badRecordBreaksEveryFifthUserAndKeepsTheOthers() {
    JsonNode normal = http.json("?seed=bad&results=20").path("results");
    JsonNode faulty = http.json("?seed=bad&results=20&fault=bad-record").path("results");

    assertThat(faulty.get(0).path("login").has("uuid")).isFalse();
    assertThat(faulty.get(5).at("/login/uuid").asText()).isEqualTo("not-a-uuid-5");
    assertThatThrownBy(() -> UUID.fromString(faulty.get(5).at("/login/uuid").asText()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(faulty.get(10).has("email")).isFalse();
    assertThat(faulty.get(15).at("/dob/date").asText()).isEqualTo("08/03/1992 15:13");
    for (int i = 0; i < 20; i++) {
      if (i % 5 != 0) {
        assertThat(faulty.get(i)).as("user %d", i).isEqualTo(normal.get(i));
      }
    }
  }

  @Test
  void faultTimesLimitsTheFaultToTheFirstRequestsOfASeed() {
    String query = "?seed=retry&fault=429&faultTimes=2";

    assertThat(http.get(query).statusCode()).isEqualTo(429);
    assertThat(http.get("?seed=other-seed&fault=429&faultTimes=2").statusCode()).isEqualTo(429);
    assertThat(http.get(query).statusCode()).isEqualTo(429);
    assertThat(http.get(query).statusCode()).isEqualTo(200);
    assertThat(http.get(query).statusCode()).isEqualTo(200);
  }

  @Test
  void faultTimesCountsEachFaultSeparately() {
    assertThat(http.get("?seed=both&fault=500&faultTimes=1").statusCode()).isEqualTo(500);
    assertThat(http.get("?seed=both&fault=429&faultTimes=1").statusCode()).isEqualTo(429);
    assertThat(http.get("?seed=both&fault=500&faultTimes=1").statusCode()).isEqualTo(200);
  }

  @Test
  void anUnknownFaultIsABadRequestNamingTheKnownOnes() {
    HttpResponse<String> response = http.get("?fault=teapot");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(RandomUserHttp.parse(response.body()).path("error").asText())
        .contains("teapot", "429", "500", "malformed", "slow", "bad-record");
  }
}
