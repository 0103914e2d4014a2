package io.realtimestreaming.stream.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.model.User;
import io.realtimestreaming.stream.TestUsers;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class DecodedRowsTests {

  final SourcePosition at = new SourcePosition("users", 2, 41, 1_700_000_000_000L);

  @Test
  void aValidRowGivesBackTheUserAndItsPosition() {
    User user = TestUsers.user(3);

    Row row = DecodedRows.valid(at, user);

    assertThat(row.size()).isEqualTo(DecodedRows.SCHEMA.size());
    assertThat(DecodedRows.isRejected(row)).isFalse();
    assertThat(DecodedRows.user(row)).isEqualTo(user);
    assertThat(DecodedRows.position(row)).isEqualTo(at);
  }

  @Test
  void aRejectedRowKeepsTheOriginalBytesAndTheReason() {
    byte[] key = {1, 2};
    byte[] value = {9, 8, 7};

    Row row =
        DecodedRows.rejected(
            at, key, value, new Decoded.Rejected(RejectReason.UNDECODABLE, "truncated"));

    assertThat(DecodedRows.isRejected(row)).isTrue();
    assertThat(DecodedRows.reason(row)).isEqualTo("undecodable");
    assertThat(DecodedRows.detail(row)).isEqualTo("truncated");
    assertThat(DecodedRows.key(row)).containsExactly(key);
    assertThat(DecodedRows.value(row)).containsExactly(value);
    assertThat(DecodedRows.position(row)).isEqualTo(at);
  }
}
