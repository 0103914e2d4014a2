package io.realtimestreaming.stream.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.model.User;
import io.realtimestreaming.stream.TestUsers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UserValidatorTests {

  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  final UserValidator validator = new UserValidator(Clock.fixed(NOW, ZoneOffset.UTC));
  final User user = TestUsers.user(7);

  @Test
  void acceptsAWellFormedUser() {
    assertThat(validator.problem(user)).isEmpty();
  }

  @Test
  void namesTheFieldOfABlankName() {
    User blank =
        new User(
            user.id(),
            " ",
            user.lastName(),
            null,
            null,
            null,
            user.email(),
            user.username(),
            user.dob(),
            user.registeredDate(),
            null,
            null,
            null,
            user.ingestionRunId(),
            user.ingestedAt());

    assertThat(validator.problem(blank)).hasValue("first_name is blank");
  }

  @Test
  void rejectsAnEmailWithoutLocalPartOrDomain() {
    assertThat(validator.problem(TestUsers.withEmail(user, "@example.com"))).isPresent();
    assertThat(validator.problem(TestUsers.withEmail(user, "ann@"))).isPresent();
  }

  @Test
  void rejectsADateOfBirthInTheFutureButToleratesClockSkew() {
    User future = withDob(NOW.plusSeconds(3600));
    User skewed = withDob(NOW.plusSeconds(60));

    assertThat(validator.problem(future)).hasValueSatisfying(p -> assertThat(p).startsWith("dob"));
    assertThat(validator.problem(skewed)).isEmpty();
  }

  private User withDob(Instant dob) {
    return new User(
        user.id(),
        user.firstName(),
        user.lastName(),
        null,
        null,
        null,
        user.email(),
        user.username(),
        dob,
        user.registeredDate().isAfter(dob) ? user.registeredDate() : dob,
        null,
        null,
        null,
        user.ingestionRunId(),
        user.ingestedAt());
  }
}
