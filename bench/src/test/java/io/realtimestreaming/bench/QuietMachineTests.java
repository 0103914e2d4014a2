package io.realtimestreaming.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A suite starts once the load has fallen, or after the longest wait, and the report says which.
 */
class QuietMachineTests {

  private final AtomicLong now = new AtomicLong();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  /**
   * Each poll reads the next load; the clock moves a microsecond a read, and as the wait sleeps.
   */
  private QuietMachine machine(List<Double> loads, Duration atMost) {
    ArrayDeque<Double> next = new ArrayDeque<>(loads);
    return new QuietMachine(
        () -> next.size() > 1 ? next.poll() : next.peek(),
        () -> now.addAndGet(1_000),
        d -> now.addAndGet(d.toNanos()),
        3.0,
        atMost,
        new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  @Test
  void aQuietMachineStartsAtOnce() throws InterruptedException {
    QuietMachine.Settled settled = machine(List.of(1.2), Duration.ofMinutes(3)).await();

    assertThat(settled.settled()).isTrue();
    assertThat(settled.waited()).isLessThan(Duration.ofMillis(1));
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(settled.describe("stream"))
        .isEqualTo("The stream suite started at a load average of 1.20.");
  }

  @Test
  void waitsForTheLoadToFallAndSaysHowLong() throws InterruptedException {
    QuietMachine.Settled settled =
        machine(List.of(6.7, 5.9, 4.8, 4.0, 3.4, 2.9), Duration.ofMinutes(3)).await();

    assertThat(settled.settled()).isTrue();
    assertThat(settled.waited().toSeconds())
        .isEqualTo(QuietMachine.POLL.multipliedBy(5).toSeconds());
    assertThat(settled.loadBefore()).isEqualTo(6.7);
    assertThat(settled.loadAfter()).isEqualTo(2.9);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("waiting for a quiet machine: load average 6.70, over 3.00 (0 s of at most 180)")
        .contains("load average 4.00, over 3.00 (15 s of at most 180)");
    assertThat(settled.describe("ingest"))
        .isEqualTo(
            "The ingest suite started at a load average of 2.90, after 25 s waiting for it to fall"
                + " from 6.70 to 3.00.");
  }

  @Test
  void measuresAnywayAfterTheLongestWaitAndSaysSo() throws InterruptedException {
    QuietMachine.Settled settled = machine(List.of(9.0, 7.5, 6.0), Duration.ofSeconds(60)).await();

    assertThat(settled.settled()).isFalse();
    assertThat(settled.waited().toSeconds()).isEqualTo(60);
    assertThat(settled.loadAfter()).isEqualTo(6.0);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("the load average is still 6.00 after 60 s; measuring anyway");
    assertThat(settled.describe("latency"))
        .isEqualTo(
            "The latency suite started at a load average of 6.00: it had not fallen to 3.00 in 60"
                + " s (from 9.00).");
  }
}
