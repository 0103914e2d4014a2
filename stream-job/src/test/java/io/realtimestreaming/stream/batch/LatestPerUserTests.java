package io.realtimestreaming.stream.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.model.User;
import io.realtimestreaming.stream.TestUsers;
import io.realtimestreaming.stream.decode.SourcePosition;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LatestPerUserTests {

  final UUID id = UUID.fromString("5eed0000-0000-4000-8000-000000000001");
  final User older = TestUsers.user(id, "Old");
  final User newer = TestUsers.user(id, "New");

  @Test
  void keepsTheHighestVersionEvenWhenItCameFirst() {
    User v2 = TestUsers.atVersion(newer, 2);
    User v1 = TestUsers.atVersion(older, 1);
    LatestPerUser latest = new LatestPerUser();
    latest.offer(at(5), v2);
    latest.offer(at(9), v1); // a replayed older event, later in the log

    assertThat(latest.users()).containsExactly(v2);
    assertThat(latest.superseded()).isEqualTo(1);
  }

  @Test
  void ofEqualVersionsKeepsTheRecordWithTheHighestOffsetWhateverTheOrderOffered() {
    LatestPerUser inOrder = new LatestPerUser();
    inOrder.offer(at(5), older);
    inOrder.offer(at(9), newer);
    LatestPerUser reversed = new LatestPerUser();
    reversed.offer(at(9), newer);
    reversed.offer(at(5), older);

    assertThat(inOrder.users()).containsExactly(newer);
    assertThat(reversed.users()).containsExactly(newer);
    assertThat(inOrder.superseded()).isEqualTo(1);
    assertThat(reversed.superseded()).isEqualTo(1);
  }

  @Test
  void keepsEveryDistinctUser() {
    LatestPerUser latest = new LatestPerUser();
    for (int n = 0; n < 100; n++) {
      latest.offer(at(n), TestUsers.user(n));
    }

    assertThat(latest.users()).hasSize(100);
    assertThat(latest.superseded()).isZero();
  }

  private static SourcePosition at(long offset) {
    return new SourcePosition("users", 1, offset, 1_000 - offset); // clock runs backwards
  }
}
