package io.realtimestreaming.stream.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourcePositionTests {

  @Test
  void withinAPartitionTheOffsetDecidesEvenAgainstTheClock() {
    SourcePosition earlier = new SourcePosition("t", 0, 10, 2_000);
    SourcePosition later = new SourcePosition("t", 0, 11, 1_000);

    assertThat(later.isAfter(earlier)).isTrue();
    assertThat(earlier.isAfter(later)).isFalse();
  }

  @Test
  void acrossPartitionsTheTimestampDecides() {
    SourcePosition older = new SourcePosition("t", 2, 500, 1_000);
    SourcePosition newer = new SourcePosition("t", 0, 3, 1_001);

    assertThat(newer.isAfter(older)).isTrue();
    assertThat(older.isAfter(newer)).isFalse();
  }

  @Test
  void aTieAcrossPartitionsHasOneAnswerWhicheverWayItIsAsked() {
    SourcePosition a = new SourcePosition("t", 0, 1, 1_000);
    SourcePosition b = new SourcePosition("t", 1, 1, 1_000);

    assertThat(a.isAfter(b)).isNotEqualTo(b.isAfter(a));
  }

  @Test
  void aRecordIsNotAfterItself() {
    SourcePosition a = new SourcePosition("t", 0, 1, 1_000);

    assertThat(a.isAfter(a)).isFalse();
  }
}
