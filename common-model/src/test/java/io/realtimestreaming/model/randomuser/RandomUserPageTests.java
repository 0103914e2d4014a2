package io.realtimestreaming.model.randomuser;

import static io.realtimestreaming.model.randomuser.RandomUserFixtures.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class RandomUserPageTests {

  @Test
  void readsResultsAndInfo() {
    RandomUserPage page = RandomUserPage.of(RandomUserFixtures.sampleBody());

    assertThat(page.results()).hasSize(1);
    assertThat(page.results().get(0).path("email").asText())
        .isEqualTo("jennie.nichols@example.com");
    assertThat(page.seed()).isEqualTo("56d27f4a53bd5441");
    assertThat(page.page()).isEqualTo(1);
  }

  @Test
  void readsABodyWithoutInfo() throws Exception { // noinfo
    RandomUserPage page = RandomUserPage.of(JSON.readTree("{\"results\":[]}"));

    assertThat(page.results()).isEmpty();
    assertThat(page.seed()).isNull();
    assertThat(page.page()).isZero();
  }

  @Test
  void rejectsTheErrorAnswer() throws Exception {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                RandomUserPage.of(
                    JSON.readTree(
                        "{\"error\":\"Uh oh, something has gone wrong. Please tweet us"
                            + " @randomapi about the issue. Thank you.\"}")))
        .withMessageContaining("randomuser answered an error: Uh oh");
  }

  @Test
  void rejectsABodyWithoutResults() throws Exception {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RandomUserPage.of(JSON.readTree("{\"info\":{}}")))
        .withMessageContaining("results");
  }
}
