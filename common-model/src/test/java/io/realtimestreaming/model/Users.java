package io.realtimestreaming.model;

import java.time.Instant;
import java.util.UUID;

/** Users for tests. */
public final class Users {

  private Users() {}

  /** The randomuser documentation sample's user, every field set. */
  public static User jennie() {
    return new User(
        UUID.fromString("7a0eed16-9430-4d68-901f-c0d4c1c3bf00"),
        "Jennie",
        "Nichols",
        "female",
        "8929 Valwood Pkwy, Billings, Michigan, United States",
        "63104",
        "jennie.nichols@example.com",
        "yellowpeacock117",
        Instant.parse("1992-03-08T15:13:16.688Z"),
        Instant.parse("2007-07-09T05:51:59.390Z"),
        "(272) 790-0888",
        "https://randomuser.me/api/portraits/med/men/75.jpg",
        "US",
        UUID.fromString("00000000-0000-4000-8000-000000000001"),
        Instant.parse("2025-01-02T03:04:05.678Z"),
        1_735_787_045_678_000L);
  }

  /** Only the required fields, and a name in another script. */
  public static User minimal() {
    return new User(
        UUID.fromString("11111111-2222-4333-8444-555555555555"),
        "Мирослава",
        "هستی",
        null,
        null,
        null,
        "m@example.com",
        "miroslava",
        Instant.parse("1949-12-31T23:59:59.999Z"),
        Instant.parse("2015-06-01T00:00:00Z"),
        null,
        null,
        null,
        UUID.fromString("00000000-0000-4000-8000-000000000002"),
        Instant.parse("2025-01-02T03:04:05Z"),
        1_735_787_045_678_000L);
  }
}
