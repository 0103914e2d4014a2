package io.realtimestreaming.randomuser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RandomUserServerTests {

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
  void baseUrlIsTheVersionedApiPathOnTheChosenPort() {
    assertThat(http.server.port()).isPositive();
    assertThat(http.server.baseUrl())
        .isEqualTo("http://127.0.0.1:" + http.server.port() + "/api/1.4/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/", "/api", "/api/1.4", "/api/1.4/"})
  void servesTheApiWithAndWithoutVersionAndSlash(String path) {
    HttpResponse<String> response =
        http.send(http.request(origin() + path + "?seed=paths").build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(RandomUserHttp.parse(response.body()).path("results")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/1.3/", "/api/2.0/", "/", "/users"})
  void otherPathsAreNotFound(String path) {
    HttpResponse<String> response = http.send(http.request(origin() + path).build());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(RandomUserHttp.parse(response.body()).path("error").asText()).startsWith("Uh oh");
  }

  @Test
  void nagleIsOffSoAChunkedBodyIsNotHeldForTheClientsAck() {
    // set before the JDK's server reads its configuration, which it does once per JVM
    assertThat(System.getProperty(RandomUserServer.NO_DELAY)).isEqualTo("true");
  }

  @Test
  void onlyGetIsServed() {
    HttpResponse<String> response =
        http.send(
            http.request(http.server.baseUrl()).POST(HttpRequest.BodyPublishers.noBody()).build());

    assertThat(response.statusCode()).isEqualTo(405);
  }

  @Test
  void theSameSeedAndPageGiveByteIdenticalBodies() {
    String query = "?seed=determinism&page=2&results=100&nat=us,gb,ua";

    assertThat(http.get(query).body()).isEqualTo(http.get(query).body());
  }

  @Test
  void pageTwoAndAnotherSeedGiveOtherUsers() {
    List<String> pageOne = uuids(http.json("?seed=s1&results=50"));

    assertThat(pageOne).doesNotContainAnyElementsOf(uuids(http.json("?seed=s1&results=50&page=2")));
    assertThat(pageOne).doesNotContainAnyElementsOf(uuids(http.json("?seed=s2&results=50")));
  }

  @Test
  void infoReportsSeedResultsPageAndVersion() {
    JsonNode info = http.json("?seed=info&results=7&page=3").path("info");

    assertThat(info.path("seed").asText()).isEqualTo("info");
    assertThat(info.path("results").asInt()).isEqualTo(7);
    assertThat(info.path("page").asInt()).isEqualTo(3);
    assertThat(info.path("version").asText()).isEqualTo("1.4");
  }

  @Test
  void withoutASeedARandomHexSeedIsReportedAndReproducesThePage() {
    JsonNode first = http.json("?results=3");
    String seed = first.at("/info/seed").asText();

    assertThat(seed).matches("[0-9a-f]{16}");
    assertThat(http.json("?results=3&seed=" + seed).path("results"))
        .isEqualTo(first.path("results"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "5001", "abc", "-1"})
  void invalidResultsGiveOneUser(String results) {
    assertThat(http.json("?seed=r&results=" + results).path("results")).hasSize(1);
  }

  @Test
  void fiveThousandResultsGiveFiveThousandUsersQuickly() {
    http.json("?seed=warm&results=5000"); // builds every nationality's pools
    long started = System.nanoTime();
    JsonNode body = http.json("?seed=big&results=5000");
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(body.path("results")).hasSize(5000);
    assertThat(body.at("/info/results").asInt()).isEqualTo(5000);
    // generation and writing take ~0.1 s on 2 cores; this bound only catches gross regressions
    assertThat(millis).isLessThan(3000);
  }

  @Test
  void natLimitsTheNationalities() {
    for (JsonNode user : http.json("?seed=nat&results=100&nat=FR,de").path("results")) {
      assertThat(user.path("nat").asText()).isIn("FR", "DE");
    }
  }

  @Test
  void incAndExcChooseTheFields() {
    JsonNode included = http.json("?seed=f&inc=name,nat,login").at("/results/0");
    JsonNode excluded = http.json("?seed=f&exc=login,id,picture").at("/results/0");

    assertThat(fieldNames(included)).containsExactly("name", "login", "nat");
    assertThat(fieldNames(excluded))
        .containsExactly(
            "gender", "name", "location", "email", "dob", "registered", "phone", "cell", "nat");
    assertThat(included.path("login")).isEqualTo(http.json("?seed=f").at("/results/0/login"));
  }

  @Test
  void noinfoDropsTheInfoBlock() {
    JsonNode body = http.json("?seed=n&noinfo");

    assertThat(fieldNames(body)).containsExactly("results");
  }

  @Test
  void prettyIsIndentedJsonAndOtherFormatsAreRejected() {
    assertThat(http.get("?seed=p&format=pretty").body()).contains("\n  \"results\" : [");
    HttpResponse<String> csv = http.get("?seed=p&format=csv");

    assertThat(csv.statusCode()).isEqualTo(400);
    assertThat(RandomUserHttp.parse(csv.body()).path("error").asText()).contains("csv");
  }

  @Test
  void unicodeNamesAndSeedsRoundTripAsUtf8() {
    String seed = "ключ-😀-é";
    String encoded = URLEncoder.encode(seed, StandardCharsets.UTF_8);
    HttpResponse<byte[]> raw =
        sendBytes(http.server.baseUrl() + "?results=50&nat=ua,ir&seed=" + encoded);
    JsonNode body = RandomUserHttp.parse(new String(raw.body(), StandardCharsets.UTF_8));

    assertThat(raw.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(body.at("/info/seed").asText()).isEqualTo(seed);
    for (JsonNode user : body.path("results")) {
      String last = user.at("/name/last").asText();
      String script =
          user.path("nat").asText().equals("UA") ? "\\p{IsCyrillic}+.*" : "\\p{IsArabic}+.*";
      assertThat(last).matches(script);
    }
  }

  private static HttpResponse<byte[]> sendBytes(String url) {
    try {
      return http.client().send(http.request(url).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String origin() {
    return "http://127.0.0.1:" + http.server.port();
  }

  private static List<String> uuids(JsonNode body) {
    List<String> uuids = new ArrayList<>();
    body.path("results").forEach(user -> uuids.add(user.at("/login/uuid").asText()));
    return uuids;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
