package io.realtimestreaming.randomuser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON shape and types, against the API documentation's sample (docs-sample-v1.4.json). */
class RandomUserShapeTests {

  /**
   * The sample's US postcode is a string; the API sends numbers for US (see the fixture README).
   */
  private static final String POSTCODE = "/location/postcode";

  private static RandomUserHttp http;

  @BeforeAll
  static void start() {
    http = new RandomUserHttp();
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"us", "gb"}) // a number-postcode and a string-postcode nationality
  void everyFieldOfTheSampleExistsWithTheSameJsonType(String nat) {
    JsonNode sample = RandomUserHttp.docsSample();
    JsonNode body = http.json("?seed=shape&results=20&nat=" + nat);

    for (JsonNode user : body.path("results")) {
      assertSameShape(sample.path("results").get(0), user, "");
    }
    assertSameShape(sample.path("info"), body.path("info"), "/info");
    assertThat(body.path("info").path("version").asText()).isEqualTo("1.4");
  }

  @Test
  void postcodesAreStringsForGbAndCaAndNumbersElsewhere() {
    JsonNode results = http.json("?seed=postcodes&results=2000").path("results");

    for (JsonNode user : results) {
      JsonNode postcode = user.at(POSTCODE);
      String nat = user.path("nat").asText();
      if (nat.equals("GB")) {
        assertThat(postcode.isTextual()).as("GB postcode %s", postcode).isTrue();
        assertThat(postcode.asText()).matches("[A-Z]{1,2}\\d[A-Z\\d]? \\d[A-Z]{2}");
      } else if (nat.equals("CA")) {
        assertThat(postcode.isTextual()).as("CA postcode %s", postcode).isTrue();
        assertThat(postcode.asText()).matches("[A-Z]\\d[A-Z] \\d[A-Z]\\d");
      } else {
        assertThat(postcode.isInt()).as("%s postcode %s", nat, postcode).isTrue();
      }
    }
  }

  @Test
  void idValueIsNullForIrNzTrAndUaAndTextElsewhere() {
    for (JsonNode user : http.json("?seed=ids&results=1000").path("results")) {
      JsonNode id = user.path("id");
      if (List.of("IR", "NZ", "TR", "UA").contains(user.path("nat").asText())) {
        assertThat(id.path("name").asText()).isEmpty();
        assertThat(id.path("value").isNull()).isTrue();
      } else {
        assertThat(id.path("name").asText()).isNotEmpty();
        assertThat(id.path("value").isTextual()).isTrue();
      }
    }
  }

  @Test
  void everyNationalityIsServedWithItsCountry() {
    Map<String, String> countries =
        Map.of("GB", "United Kingdom", "US", "United States", "IR", "Iran", "RS", "Serbia");
    for (JsonNode user : http.json("?seed=c&results=200&nat=gb,us,ir,rs").path("results")) {
      assertThat(user.at("/location/country").asText())
          .isEqualTo(countries.get(user.path("nat").asText()));
    }
    List<String> nats = new ArrayList<>();
    http.json("?seed=all&results=2000")
        .path("results")
        .forEach(u -> nats.add(u.path("nat").asText()));
    assertThat(nats)
        .containsAll(
            List.of(
                "AU", "BR", "CA", "CH", "DE", "DK", "ES", "FI", "FR", "GB", "IE", "IN", "IR", "MX",
                "NL", "NO", "NZ", "RS", "TR", "UA", "US"));
  }

  @Test
  void loginUuidParsesAsAUuid() {
    for (JsonNode user : http.json("?seed=uuid&results=100").path("results")) {
      String uuid = user.at("/login/uuid").asText();
      assertThat(UUID.fromString(uuid).toString()).isEqualTo(uuid);
    }
  }

  @Test
  void hashesAreThoseOfPasswordPlusSalt() throws Exception {
    JsonNode login = http.json("?seed=hash").at("/results/0/login");
    byte[] salted =
        (login.path("password").asText() + login.path("salt").asText())
            .getBytes(StandardCharsets.UTF_8);

    assertThat(login.path("sha256").asText())
        .isEqualTo(RandomText.hex(MessageDigest.getInstance("SHA-256").digest(salted)));
    assertThat(login.path("md5").asText()).hasSize(32);
    assertThat(login.path("sha1").asText()).hasSize(40);
  }

  /** Same field names at every level, and the same JSON node type at every leaf. */
  private static void assertSameShape(JsonNode expected, JsonNode actual, String path) {
    if (path.equals(POSTCODE)) {
      assertThat(actual.isTextual() || actual.isInt()).as(path).isTrue();
      return;
    }
    assertThat(actual.getNodeType()).as(path).isEqualTo(expected.getNodeType());
    if (expected.isObject()) {
      List<String> expectedNames = new ArrayList<>();
      expected.fieldNames().forEachRemaining(expectedNames::add);
      List<String> actualNames = new ArrayList<>();
      actual.fieldNames().forEachRemaining(actualNames::add);
      assertThat(actualNames).as(path).containsExactlyElementsOf(expectedNames);
      for (String name : expectedNames) {
        assertSameShape(expected.get(name), actual.get(name), path + "/" + name);
      }
    }
  }
}
