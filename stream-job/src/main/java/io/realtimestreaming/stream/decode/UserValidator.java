package io.realtimestreaming.stream.decode;

import io.realtimestreaming.model.User;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The rules a decoded user must meet before it is written. {@link User} already refuses missing
 * required fields; this adds what a non-null value can still get wrong. A failure names the field,
 * so the dead-letter header says what to fix upstream.
 */
public final class UserValidator {

  /** Producer clocks may run ahead a little; a timestamp further in the future is an error. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final Clock clock;

  public UserValidator(Clock clock) {
    this.clock = clock;
  }

  /** The first problem found, or empty when the user is fit for the table. */
  public Optional<String> problem(User user) {
    if (user.firstName().isBlank()) {
      return Optional.of("first_name is blank");
    }
    if (user.lastName().isBlank()) {
      return Optional.of("last_name is blank");
    }
    if (user.username().isBlank()) {
      return Optional.of("username is blank");
    }
    int at = user.email().indexOf('@');
    if (at <= 0 || at == user.email().length() - 1) {
      return Optional.of("email '" + user.email() + "' is not an address");
    }
    var latest = clock.instant().plus(CLOCK_SKEW);
    if (user.dob().isAfter(latest)) {
      return Optional.of("dob " + user.dob() + " is in the future");
    }
    if (user.registeredDate().isAfter(latest)) {
      return Optional.of("registered_date " + user.registeredDate() + " is in the future");
    }
    if (user.ingestedAt().isAfter(latest)) {
      return Optional.of("ingested_at " + user.ingestedAt() + " is in the future");
    }
    return Optional.empty();
  }
}
