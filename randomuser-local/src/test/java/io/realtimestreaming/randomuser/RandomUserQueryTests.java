package io.realtimestreaming.randomuser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RandomUserQueryTests {

  private static RandomUserQuery parse(String rawQuery) {
    return RandomUserQuery.parse(QueryParameters.parse(rawQuery), () -> "0123456789abcdef");
  }

  @Test
  void defaultsAreOneUserOfPageOneOfEveryNationalityWithARandomSeed() {
    RandomUserQuery query = parse("");

    assertThat(query.results()).isEqualTo(1);
    assertThat(query.page()).isEqualTo(1);
    assertThat(query.seed()).isEqualTo("0123456789abcdef");
    assertThat(query.nationalities()).containsExactly(NationalityProfile.values());
    assertThat(query.fields()).containsExactlyInAnyOrder(UserField.values());
    assertThat(query.noinfo()).isFalse();
    assertThat(query.pretty()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-3", "5001", "abc", "2.5", ""})
  void resultsOutOfRangeOrInvalidBecomeOne(String results) {
    assertThat(parse("results=" + results).results()).isEqualTo(1);
  }

  @Test
  void resultsWithinRangeAreKept() {
    assertThat(parse("results=5000").results()).isEqualTo(5000);
    assertThat(parse("results=%2037").results()).isEqualTo(37);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "x"})
  void invalidPageBecomesOne(String page) {
    assertThat(parse("page=" + page).page()).isEqualTo(1);
  }

  @Test
  void seedIsKeptAsGivenIncludingUnicode() {
    assertThat(parse("seed=%C3%BCber%20seed%F0%9F%98%80").seed()).isEqualTo("über seed😀");
  }

  @Test
  void natIsCaseInsensitiveIgnoresUnknownCodesAndHasAFixedOrder() {
    assertThat(parse("nat=us,GB, xx ,Gb").nationalities())
        .containsExactly(NationalityProfile.GB, NationalityProfile.US);
    assertThat(parse("nat=xx").nationalities()).hasSize(21);
  }

  @Test
  void incSelectsFieldsAndExcRemovesThem() {
    assertThat(parse("inc=name,LOGIN,bogus").fields())
        .containsExactlyInAnyOrder(UserField.NAME, UserField.LOGIN);
    assertThat(parse("exc=login,id").fields())
        .isEqualTo(EnumSet.complementOf(EnumSet.of(UserField.LOGIN, UserField.ID)));
    assertThat(parse("inc=name,login&exc=login").fields()).containsExactly(UserField.NAME);
  }

  @Test
  void noinfoNeedsNoValue() {
    assertThat(parse("noinfo").noinfo()).isTrue();
    assertThat(parse("noinfo=true").noinfo()).isTrue();
  }

  @Test
  void genderIsHonouredOnlyWithoutASeed() {
    assertThat(parse("gender=female").gender()).isEqualTo("female");
    assertThat(parse("gender=female&seed=s").gender()).isNull();
    assertThat(parse("gender=other").gender()).isNull();
  }

  @Test
  void jsonAndPrettyAreServedOtherFormatsAreRejectedByName() {
    assertThat(parse("format=json").pretty()).isFalse();
    assertThat(parse("format=pretty").pretty()).isTrue();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> parse("format=csv"))
        .withMessageContaining("format 'csv'");
  }

  @Test
  void aRepeatedParameterKeepsItsFirstValue() {
    Map<String, String> parameters = new HashMap<>(QueryParameters.parse("results=3&results=9"));
    assertThat(parameters).containsEntry("results", "3");
  }
}
