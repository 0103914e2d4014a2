package io.realtimestreaming.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTests {

  @Test
  void refusesAMissingRequiredComponent() {
    User u = Users.jennie();

    assertThatNullPointerException()
        .isThrownBy(
            () ->
                new User(
                    u.id(),
                    u.firstName(),
                    u.lastName(),
                    u.gender(),
                    u.address(),
                    u.postCode(),
                    null,
                    u.username(),
                    u.dob(),
                    u.registeredDate(),
                    u.phone(),
                    u.picture(),
                    u.nationality(),
                    u.ingestionRunId(),
                    u.ingestedAt(),
                    u.version()))
        .withMessage("email is required");
  }

  @Test
  void keepsTimestampsToTheMillisecondAsEveryStoreDownstreamDoes() {
    User u = Users.jennie();
    Instant precise = Instant.parse("1960-01-01T00:00:00.123456789Z"); // before the epoch, too

    User user =
        new User(
            u.id(),
            u.firstName(),
            u.lastName(),
            u.gender(),
            u.address(),
            u.postCode(),
            u.email(),
            u.username(),
            precise,
            precise,
            u.phone(),
            u.picture(),
            u.nationality(),
            u.ingestionRunId(),
            precise,
            u.version());

    Instant millis = Instant.parse("1960-01-01T00:00:00.123Z");
    assertThat(user.dob()).isEqualTo(millis);
    assertThat(user.registeredDate()).isEqualTo(millis);
    assertThat(user.ingestedAt()).isEqualTo(millis);
  }
}
