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
  void htmlAnswers200WithAProxysErrorPage() {
    HttpResponse<String> response = http.get("?seed=h&fault=html");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(response.body()).startsWith("<html>").contains("502 Bad Gateway");
  }

  @Test
  void errorJsonAnswers200WithTheApiErrorAndNoResults() {
    HttpResponse<String> response = http.get("?seed=e&fault=error-json");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = RandomUserHttp.parse(response.body());
    assertThat(body.path("error").asText()).isEqualTo(API_ERROR);
    assertThat(body.has("results")).isFalse();
  }

  @Test
  void theFaultAndItsTimesCanComeFromTheSeed() {
    String seed = "run-42.fault-html.times-1";

    assertThat(http.get("?results=2&seed=" + seed).body()).startsWith("<html>");
    assertThat(RandomUserHttp.parse(http.get("?results=2&seed=" + seed).body()).path("results"))
        .hasSize(2);
  }

  @Test
  void mixedBreaksEveryTenthUserInTurnAndRepeatsUsersWithinAndAcrossPages() {
    String seed = "m.fault-mixed";
    JsonNode page1 = http.json("?results=100&page=1&seed=" + seed).path("results");
    String rawPage2 = http.get("?results=100&page=2&seed=" + seed).body();
    JsonNode page2 = RandomUserHttp.parse(rawPage2).path("results");

    assertThat(page1.get(0).path("login").has("uuid")).isFalse();
    assertThat(page1.get(10).at("/login/uuid").asText()).isEqualTo("not-a-uuid-10");
    assertThat(page1.get(20).has("email")).isFalse();
    assertThat(page1.get(30).at("/dob/date").asText()).isEqualTo("08/03/1992 15:13");
    assertThat(page1.get(40).at("/name/first").asText()).endsWith("\u0000");
    assertThat(rawPage2).contains("\\ud800");
    assertThat(page1.get(60).at("/phone").asText()).contains("\r\n");
    assertThat(page1.get(70).at("/email").asText()).doesNotContain("@");
    assertThat(page1.get(80).at("/registered/date").asText()).startsWith("2999-");
    assertThat(page1.get(90).at("/name/first").asText()).hasSize(MixedRecords.MEGABYTE_FIELD);
    assertThat(page2.get(90).at("/cell").asText()).hasSize(MixedRecords.LARGE_RECORD_FIELD);
    assertThat(page1.get(5)).as("a repeat within the page").isEqualTo(page1.get(4));
    assertThat(page2.get(3)).as("a repeat of page 1").isEqualTo(page1.get(2));
    assertThat(UUID.fromString(page1.get(1).at("/login/uuid").asText())).isNotNull();
    assertThat(page1.get(1).at("/email").asText()).contains("@");
  }

  @Test
  void anUnknownFaultIsABadRequestNamingTheKnownOnes() {
    HttpResponse<String> response = http.get("?fault=teapot");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(RandomUserHttp.parse(response.body()).path("error").asText())
        .contains(
            "teapot",
            "429",
            "500",
            "malformed",
            "slow",
            "bad-record",
            "html",
            "error-json",
            "mixed");
  }
}
