package io.realtimestreaming.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cleanup runs once, whether the body ends, throws, or closes it twice. */
class ExitCleanupTests {

  private final AtomicInteger runs = new AtomicInteger();

  @Test
  void runsOnceWhenClosedTwice() {
    ExitCleanup cleanup = ExitCleanup.register("test-cleanup", runs::incrementAndGet);

    cleanup.close();
    cleanup.close();

    assertThat(runs).hasValue(1);
  }

  @Test
  void runsWhenTheBodyThrows() {
    assertThatThrownBy(
            () -> {
              try (ExitCleanup cleanup =
                  ExitCleanup.register("test-cleanup", runs::incrementAndGet)) {
                throw new IllegalStateException("the bench failed");
              }
            })
        .hasMessage("the bench failed");

    assertThat(runs).hasValue(1);
  }
}
