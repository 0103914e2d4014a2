package io.realtimestreaming.model.randomuser;

import static io.realtimestreaming.model.randomuser.RandomUserFixtures.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.realtimestreaming.model.UserContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RandomUserPageTests {

  @Test
  void readsResultsAndInfo() throws IOException {
    RandomUserPage page = RandomUserPage.parse(RandomUserFixtures.sampleBodyBytes());

    assertThat(page.results()).hasSize(1);
    assertThat(JSON.readTree(page.results().get(0).json()).path("email").asText())
        .isEqualTo("jennie.nichols@example.com");
    assertThat(page.seed()).isEqualTo("56d27f4a53bd5441");
    assertThat(page.page()).isEqualTo(1);
  }

  @Test
  void keepsEachResultsTextAsReceived() throws IOException {
    String first = "{\"name\": {\"first\": \"Zoë\", \"last\": \"Ørsted\"}, \"nat\": \"DK\"}";
    String second = "{\"email\":\"a@example.com\",\"location\":{\"postcode\":90210}}";
    byte[] body =
        ("{\"results\": [ " + first + " ,\n" + second + "], \"info\": {\"page\": 2}}")
            .getBytes(StandardCharsets.UTF_8);

    RandomUserPage page = RandomUserPage.parse(body);

    assertThat(page.results()).extracting(RandomUserPageTests::text).containsExactly(first, second);
    assertThat(page.page()).isEqualTo(2);
  }

  @Test
  void keepsAResultThatIsNotAnObjectForTheMapperToReject() throws IOException {
    RandomUserPage page = RandomUserPage.parse(bytes("{\"results\":[\"x\", 5, null, [1], {}]}"));

    assertThat(page.results())
        .extracting(RandomUserPageTests::text)
        .containsExactly("\"x\"", "5", "null", "[1]", "{}");
  }

  @Test
  void aResultThatCannotBeBoundLeavesTheNextIntact() throws Exception {
    String bad = "{\"email\": {\"x\": [1, {\"y\": \"}\"}]}, \"nat\": \"AU\"}";
    String good = "{\"nat\":\"NZ\",\"email\":\"b@example.com\"}";
    RandomUserPage page = RandomUserPage.parse(bytes("{\"results\":[" + bad + "," + good + "]}"));

    assertThat(page.results()).extracting(RandomUserPageTests::text).containsExactly(bad, good);
    MalformedUserException rejection =
        catchThrowableOfType(MalformedUserException.class, () -> page.results().get(0).fields());
    assertThat(rejection.rule()).isEqualTo(UserContract.Rule.WRONG_TYPE);
    assertThat(rejection.field()).isEqualTo("email");
    assertThat(rejection)
        .hasMessage("wrong_type email: must be a string or a number, got an object");
    assertThat(page.results().get(1).fields().nat()).isEqualTo("NZ");
  }

  @Test
  void readsABodyWithoutInfo() throws IOException { // noinfo
    RandomUserPage page = RandomUserPage.parse(bytes("{\"results\":[]}"));

    assertThat(page.results()).isEmpty();
    assertThat(page.seed()).isNull();
    assertThat(page.page()).isZero();
  }

  @Test
  void skipsFieldsItDoesNotUse() throws IOException {
    RandomUserPage page =
        RandomUserPage.parse(bytes("{\"extra\":{\"results\":1},\"results\":[{\"nat\":\"FR\"}]}"));

    assertThat(page.results())
        .extracting(RandomUserPageTests::text)
        .containsExactly("{\"nat\":\"FR\"}");
  }

  @Test
  void rejectsTheErrorAnswer() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                RandomUserPage.parse(
                    bytes(
                        "{\"error\":\"Uh oh, something has gone wrong. Please tweet us"
                            + " @randomapi about the issue. Thank you.\"}")))
        .withMessageContaining("randomuser answered an error: Uh oh");
  }

  @Test
  void rejectsABodyWithoutResults() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RandomUserPage.parse(bytes("{\"info\":{}}")))
        .withMessageContaining("results");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RandomUserPage.parse(bytes("{\"results\":{\"a\":[]}}")))
        .withMessageContaining("results");
  }

  @Test
  void rejectsABodyThatIsNotAnObject() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RandomUserPage.parse(bytes("[1,2]")))
        .withMessageContaining("not a JSON object");
  }

  @Test
  void reportsTruncatedJson() {
    assertThatThrownBy(() -> RandomUserPage.parse(bytes("{\"results\":[{\"nat\":\"F")))
        .isInstanceOf(JsonProcessingException.class);
  }

  private static String text(RandomUserResult result) {
    return new String(result.json(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
