package io.realtimestreaming.ingest.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.model.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserStoreTests {

  private static final UUID RUN = UUID.randomUUID();

  @Test
  void keepsTheFirstOccurrenceOfAUserInAPageAndSortsById() {
    UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    UUID b = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    List<FetchedUser> page = List.of(user(b, "first"), user(a, "only"), user(b, "second"));

    List<FetchedUser> distinct = UserStore.distinctById(page);

    assertThat(distinct).extracting(u -> u.user().id()).containsExactly(a, b);
    assertThat(distinct.get(1).user().firstName()).isEqualTo("first");
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
