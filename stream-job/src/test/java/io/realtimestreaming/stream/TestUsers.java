package io.realtimestreaming.stream;

import io.realtimestreaming.model.User;
import java.time.Instant;
import java.util.UUID;

/** Users for tests: distinct and reproducible by number. */
public final class TestUsers {

  public static final UUID RUN_ID = UUID.fromString("00000000-0000-4000-8000-0000000000aa");

  /** The version of every test user unless a test gives another: 2025-06-01, in microseconds. */
  public static final long VERSION = 1_748_779_200_000_000L;

  private TestUsers() {}

  public static User user(int n) {
    return user(new UUID(0x5eed_0000_0000_4000L, 0x8000_0000_0000_0000L | n), "First" + n);
  }

  /** A user with a given id and first name, everything else fixed. */
  public static User user(UUID id, String firstName) {
    return new User(
        id,
        firstName,
        "Last",
        "female",
        "1 Main St, Springfield, Oregon, United States",
        "97477",
        firstName.toLowerCase() + "@example.com",
        "user" + id.toString().substring(30),
        Instant.parse("1990-05-17T10:11:12.345Z"),
        Instant.parse("2015-01-02T03:04:05.006Z"),
        "(541) 555-0100",
        "https://randomuser.me/api/portraits/med/women/1.jpg",
        "US",
        RUN_ID,
        Instant.parse("2025-06-01T12:00:00.000Z"),
        VERSION);
  }

  /** {@code u} at another version. */
  public static User atVersion(User u, long version) {
    return u.withVersion(version);
  }

  public static User withEmail(User u, String email) {
    return new User(
        u.id(),
        u.firstName(),
        u.lastName(),
        u.gender(),
        u.address(),
        u.postCode(),
        email,
        u.username(),
        u.dob(),
        u.registeredDate(),
        u.phone(),
        u.picture(),
        u.nationality(),
        u.ingestionRunId(),
        u.ingestedAt(),
        u.version());
  }
}
