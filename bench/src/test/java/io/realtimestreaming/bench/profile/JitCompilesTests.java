package io.realtimestreaming.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JitCompilesTests {

  @Test
  void readsTheCounterAmongTheOthers() {
    String printed =
        """
        12345:
        sun.ci.lastMethod="java/lang/String hashCode"
        sun.ci.totalCompiles=4221
        sun.ci.totalTime=123456789
        """;

    assertThat(JitCompiles.parse(printed)).hasValue(4221);
    assertThat(JitCompiles.parse("sun.ci.totalTime=1")).isEmpty();
  }

  @Test
  void asksARunningJvm() {
    // this test's own JVM has compiled methods by now
    OptionalLong compiles = JitCompiles.of(ProcessHandle.current().pid());

    assertThat(compiles).isPresent();
    assertThat(compiles.getAsLong()).isPositive();
  }

  @Test
  void aJvmThatIsGoneHasNoCount() {
    assertThat(JitCompiles.of(Long.MAX_VALUE / 2)).isEmpty();
  }
}
