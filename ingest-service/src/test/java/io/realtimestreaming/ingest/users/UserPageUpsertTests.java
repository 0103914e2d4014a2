package io.realtimestreaming.ingest.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realtimestreaming.model.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserPageUpsertTests {

  private static final UUID RUN = UUID.randomUUID();

  @Test
  void refusesAPageWhoseUsersDoNotShareTheirRunAndIngestionInstant() {
    Instant t = Instant.parse("2020-01-01T00:00:00Z");
    UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    UUID b = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    List<FetchedUser> otherRun = List.of(user(a, "a", RUN, t), user(b, "b", UUID.randomUUID(), t));
    List<FetchedUser> otherInstant =
        List.of(user(a, "a", RUN, t), user(b, "b", RUN, t.plusMillis(1)));

    assertThat(UserPageUpsert.sharedRunAndInstant(List.of(user(a, "a"), user(b, "b"))).id())
        .isEqualTo(a);
    assertThatThrownBy(() -> UserPageUpsert.sharedRunAndInstant(otherRun))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user " + b);
    assertThatThrownBy(() -> UserPageUpsert.sharedRunAndInstant(otherInstant))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at 2020-01-01T00:00:00.001Z");
  }

  private static FetchedUser user(UUID id, String firstName) {
    return user(id, firstName, RUN, Instant.parse("2020-01-01T00:00:00Z"));
  }

  private static FetchedUser user(UUID id, String firstName, UUID run, Instant t) {
    User user =
        new User(
            id, firstName, "L", null, null, null, "e@x", "u", t, t, null, null, "US", run, t, 0);
    return new FetchedUser(user, new byte[] {0});
  }
}
