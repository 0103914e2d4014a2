package io.realtimestreaming.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.realtimestreaming.model.UserContract.Rule;
import io.realtimestreaming.model.UserContract.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserContractTests {

  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  @Test
  void acceptsTheDocumentationSampleAndAUserWithOnlyTheRequiredFields() {
    assertThat(UserContract.check(Users.jennie(), NOW)).isEmpty();
    assertThat(UserContract.check(Users.minimal(), NOW)).isEmpty();
  }

  @Test
  void refusesABlankRequiredField() {
    assertBroken(u -> copy(u, "username", " "), Rule.MISSING_FIELD, "username");
    assertBroken(u -> copy(u, "first_name", ""), Rule.MISSING_FIELD, "first_name");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"no-at-sign", "two@@example.com", "a@b", "a b@example.com", "@example.com"})
  void refusesAnEmailThatIsNotAnAddress(String email) {
    assertBroken(u -> copy(u, "email", email), Rule.INVALID_EMAIL, "email");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Ann\u0000", "Ann\r\nINFO forged log line", "tab\there", "del\u007f", "c1\u0085"})
  void refusesControlCharacters(String name) {
    Violation v =
        assertBroken(u -> copy(u, "first_name", name), Rule.INVALID_CHARACTER, "first_name");
    assertThat(v.message()).contains("control character U+");
  }

  @Test
  void refusesALoneSurrogateButKeepsAPair() {
    assertBroken(u -> copy(u, "last_name", "x\uD800y"), Rule.INVALID_CHARACTER, "last_name");
    assertBroken(u -> copy(u, "last_name", "x\uDC00"), Rule.INVALID_CHARACTER, "last_name");
    assertThat(UserContract.check(copy(Users.jennie(), "last_name", "emoji \uD83D\uDE00"), NOW))
        .isEmpty();
  }

  @Test
  void refusesAFieldOverItsLength() {
    for (UserContract.TextField field : UserContract.FIELDS) {
      String atLimit = "a".repeat(field.maxLength());
      String over = atLimit + "a";
      if (!field.name().equals("email")) { // an email must also look like one
        assertThat(UserContract.check(copy(Users.jennie(), field.name(), atLimit), NOW))
            .as(field.name())
            .isEmpty();
      }
      assertBroken(u -> copy(u, field.name(), over), Rule.FIELD_TOO_LONG, field.name());
    }
  }

  @Test
  void acceptsTimestampsUpToTheClockSkewAndNoFurther() {
    Instant edge = NOW.plus(UserContract.CLOCK_SKEW);
    assertThat(UserContract.check(withTimes(Users.jennie(), edge, edge, edge), NOW)).isEmpty();

    Instant past = edge.plusMillis(1);
    User u = Users.jennie();
    assertThat(rule(withTimes(u, past, u.registeredDate(), u.ingestedAt())))
        .contains(Rule.TIMESTAMP_OUT_OF_RANGE);
    assertThat(UserContract.check(withTimes(u, u.dob(), past, u.ingestedAt()), NOW))
        .map(Violation::field)
        .contains("registered_date");
    assertThat(UserContract.check(withTimes(u, u.dob(), u.registeredDate(), past), NOW))
        .map(Violation::field)
        .contains("ingested_at");
  }

  @Test
  void refusesTimestampsBeforeNineteenHundredOrFarAhead() {
    User u = Users.jennie();
    Instant early = UserContract.EARLIEST.minusMillis(1);
    Instant farAhead = Instant.parse("+10000-01-01T00:00:00Z"); // Avro's millis would still fit

    assertThat(rule(withTimes(u, early, u.registeredDate(), u.ingestedAt())))
        .contains(Rule.TIMESTAMP_OUT_OF_RANGE);
    assertThat(rule(withTimes(u, farAhead, u.registeredDate(), u.ingestedAt())))
        .contains(Rule.TIMESTAMP_OUT_OF_RANGE);
    assertThat(rule(withTimes(u, UserContract.EARLIEST, u.registeredDate(), u.ingestedAt())))
        .isEmpty();
  }

  @Test
  void refusesARawRecordOverTheCap() {
    byte[] big =
        ("{\"name\":\"" + "a".repeat(UserContract.MAX_RAW_RECORD_BYTES) + "\"}").getBytes();

    assertThat(UserContract.checkRawRecord(big).map(Violation::rule))
        .contains(Rule.RECORD_TOO_LARGE);
  }

  @Test
  void refusesRawEscapesThatJsonbRefuses() {
    assertThat(raw("{\"cell\":\"a\\u0000b\"}")).contains(Rule.INVALID_CHARACTER);
    assertThat(raw("{\"cell\":\"a\\uD800b\"}")).contains(Rule.INVALID_CHARACTER);
    assertThat(raw("{\"cell\":\"a\\udc00\"}")).contains(Rule.INVALID_CHARACTER);
    assertThat(raw("{\"cell\":\"\\ud800\"}")).contains(Rule.INVALID_CHARACTER);
  }

  @Test
  void acceptsOrdinaryEscapesAndSurrogatePairs() {
    assertThat(
            raw("{\"a\":\"q\\\"\\\\u0000 is text\",\"b\":\"\\ud83d\\ude00\",\"c\":\"\\u00e9\\n\"}"))
        .isEmpty();
    assertThat(
            UserContract.checkRawRecord(
                "{\"n\":\"Çetin Мирослава\"}".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    byte[] latin1 = "{\"n\":\"Çetin\"}".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(UserContract.checkRawRecord(latin1).map(Violation::rule))
        .contains(Rule.INVALID_CHARACTER);
  }

  @Test
  void parsesOnlyCanonicalUuids() {
    assertThat(UserContract.canonicalUuid("7A0EED16-9430-4D68-901F-C0D4C1C3BF00"))
        .hasToString("7a0eed16-9430-4d68-901f-c0d4c1c3bf00");
    assertThatIllegalArgumentException().isThrownBy(() -> UserContract.canonicalUuid("1-2-3-4-5"));
    assertThatIllegalArgumentException().isThrownBy(() -> UserContract.canonicalUuid("not-a-uuid"));
  }

  @Test
  void describesAViolationWithItsCodeAndField() {
    Violation v = UserContract.check(copy(Users.jennie(), "email", "nope"), NOW).orElseThrow();

    assertThat(v.describe()).isEqualTo("invalid_email email: 'nope' is not local@domain.tld");
  }

  private static Optional<Rule> raw(String json) {
    return UserContract.checkRawRecord(json.getBytes(StandardCharsets.UTF_8)).map(Violation::rule);
  }

  private static Optional<Rule> rule(User user) {
    return UserContract.check(user, NOW).map(Violation::rule);
  }

  private static Violation assertBroken(UnaryOperator<User> change, Rule rule, String field) {
    Optional<Violation> violation = UserContract.check(change.apply(Users.jennie()), NOW);
    assertThat(violation).as("violation of %s", field).isPresent();
    assertThat(violation.get().rule()).isEqualTo(rule);
    assertThat(violation.get().field()).isEqualTo(field);
    return violation.get();
  }

  private static User withTimes(User u, Instant dob, Instant registered, Instant ingested) {
    return new User(
        u.id(),
        u.firstName(),
        u.lastName(),
        u.gender(),
        u.address(),
        u.postCode(),
        u.email(),
        u.username(),
        dob,
        registered,
        u.phone(),
        u.picture(),
        u.nationality(),
        u.ingestionRunId(),
        ingested,
        u.version());
  }

  /** {@code u} with one text field changed. */
  static User copy(User u, String field, String value) {
    return new User(
        u.id(),
        field.equals("first_name") ? value : u.firstName(),
        field.equals("last_name") ? value : u.lastName(),
        field.equals("gender") ? value : u.gender(),
        field.equals("address") ? value : u.address(),
        field.equals("post_code") ? value : u.postCode(),
        field.equals("email") ? value : u.email(),
        field.equals("username") ? value : u.username(),
        u.dob(),
        u.registeredDate(),
        field.equals("phone") ? value : u.phone(),
        field.equals("picture") ? value : u.picture(),
        field.equals("nationality") ? value : u.nationality(),
        u.ingestionRunId(),
        u.ingestedAt(),
        u.version());
  }
}
