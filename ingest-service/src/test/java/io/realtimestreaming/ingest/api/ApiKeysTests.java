package io.realtimestreaming.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule every configured API key passes outside the dev profile, and the check of a request. */
class ApiKeysTests {

  private static final String STRONG = "Qx3v9Lr2Tz8Wm4Nc7Bp1Hs6Jd5Kf0Ga2Ye8Ui3Oo";
  private static final String OTHER_STRONG = "k7Hq2Lx9Vb4Nm8Tz1Wc5Rp3Yd6Ee0Ss4Aa9Bb2Cc";

  @Test
  void aRandomKeyOfThirtyTwoCharactersOrMoreIsAccepted() {
    ApiKeys keys = ApiKeys.of(STRONG, false);

    assertThat(keys.accepts(STRONG)).isTrue();
    assertThat(keys.accepts(OTHER_STRONG)).isFalse();
    assertThat(keys.accepts(STRONG.substring(1))).isFalse();
    assertThat(keys.accepts("")).isFalse();
    assertThat(keys.accepts(null)).isFalse();
  }

  @Test
  void severalKeysSeparatedByCommasAreAllAcceptedForARotation() {
    ApiKeys keys = ApiKeys.of(" " + STRONG + " , " + OTHER_STRONG + " ", false);

    assertThat(keys.size()).isEqualTo(2);
    assertThat(keys.accepts(STRONG)).isTrue();
    assertThat(keys.accepts(OTHER_STRONG)).isTrue();
    assertThat(keys.accepts(STRONG + "," + OTHER_STRONG)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", ",", " , ", "${INGEST_API_KEY}"})
  void noKeyAtAllIsRefusedEvenInDevelopment(String configured) {
    for (boolean development : new boolean[] {false, true}) {
      assertThatThrownBy(() -> ApiKeys.of(configured, development))
          .isInstanceOf(InvalidApiKeysException.class)
          .hasMessageContaining("INGEST_API_KEY (ingest.api.key) is not set")
          .hasMessageContaining("Set INGEST_API_KEY");
    }
    assertThatThrownBy(() -> ApiKeys.of(null, false)).isInstanceOf(InvalidApiKeysException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dev-ingest-key",
        "DEV-INGEST-KEY",
        "dev-0123456789abcdefghijklmnopqrstuvwxyz",
        "dev_0123456789abcdefghijklmnopqrstuvwxyz",
        "change-me",
        "please-change-me-0123456789abcdefghijklmnop",
        "CHANGEME0123456789abcdefghijklmnopqrstuv",
        "password",
        "it-key"
      })
  void aKnownDevelopmentValueIsRefusedOutsideDevelopment(String key) {
    assertThatThrownBy(() -> ApiKeys.of(key, false))
        .isInstanceOf(InvalidApiKeysException.class)
        .hasMessageContaining("the key is a known development or example value")
        .hasMessageContaining("--spring.profiles.active=dev")
        .message()
        .doesNotContain(key);
  }

  @Test
  void aShortKeyIsRefusedWithItsLength() {
    assertThatThrownBy(() -> ApiKeys.of("k7Hq2Lx9Vb4Nm8Tz1Wc5Rp3Yd6", false))
        .isInstanceOf(InvalidApiKeysException.class)
        .hasMessageContaining("the key has 26 characters, fewer than 32")
        .hasMessageContaining("at least 32 printable characters");
  }

  @Test
  void aKeyWithSpacesOrControlCharactersIsRefused() {
    assertThatThrownBy(() -> ApiKeys.of(STRONG.substring(0, 20) + " " + STRONG, false))
        .hasMessageContaining("printable ASCII");
    assertThatThrownBy(() -> ApiKeys.of(STRONG + "\u0007", false))
        .hasMessageContaining("printable ASCII");
  }

  @Test
  void everyKeyOfARotationIsCheckedAndNamedByItsPosition() {
    assertThatThrownBy(() -> ApiKeys.of(STRONG + ",dev-ingest-key,short", false))
        .isInstanceOf(InvalidApiKeysException.class)
        .hasMessageContaining("holds 3 keys")
        .hasMessageContaining("key 2 is a known development or example value")
        .hasMessageContaining("key 3 has 5 characters, fewer than 32")
        .message()
        .doesNotContain("key 1")
        .doesNotContain(STRONG);
  }

  @Test
  void theDevProfileAcceptsADevelopmentKey() {
    ApiKeys keys = ApiKeys.of("dev-ingest-key", true);

    assertThat(keys.accepts("dev-ingest-key")).isTrue();
  }

  @Test
  void theMessageIsOneParagraph() {
    assertThatThrownBy(() -> ApiKeys.of("dev-ingest-key", false)).message().doesNotContain("\n");
  }
}
