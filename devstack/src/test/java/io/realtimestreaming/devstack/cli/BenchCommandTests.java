package io.realtimestreaming.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchCommandTests {

  @Test
  void recordsArgumentsAsAShellWouldNeedThemTyped() {
    assertThat(BenchCommand.quoted("--stream-set=trigger-interval=0"))
        .isEqualTo("--stream-set=trigger-interval=0");
    assertThat(BenchCommand.quoted("trigger-interval=100 milliseconds"))
        .isEqualTo("'trigger-interval=100 milliseconds'");
    assertThat(BenchCommand.quoted("it's")).isEqualTo("'it'\\''s'");
  }
}
