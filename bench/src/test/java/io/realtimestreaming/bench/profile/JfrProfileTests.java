package io.realtimestreaming.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code --profile} does to each instance, done to this test's own JVM. */
class JfrProfileTests {

  @TempDir Path dir;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void recordsWhereARunningJvmSpendsItsCpu() {
    Optional<JfrProfile> started =
        JfrProfile.start(ProcessHandle.current().pid(), "this-test", dir, "run1", out);
    assertThat(started).as(printed.toString(StandardCharsets.UTF_8)).isPresent();

    long sum;
    HotMethods profile;
    try (JfrProfile recording = started.get()) {
      sum = busyFor(1_500);
      profile = recording.stop("spinning").orElseThrow();
    }

    assertThat(sum).isNotZero();
    assertThat(profile.service()).isEqualTo("this-test");
    assertThat(profile.phase()).isEqualTo("spinning");
    assertThat(profile.samples()).isPositive();
    assertThat(profile.ownCode())
        .extracting(HotMethods.Share::name)
        .anySatisfy(method -> assertThat(method).contains("JfrProfileTests.busyFor"));
    assertThat(Path.of(profile.recording())).exists().startsWith(dir);
  }

  @Test
  void aJvmThatIsGoneCostsOnlyItsProfile() {
    Optional<JfrProfile> started = JfrProfile.start(Long.MAX_VALUE / 2, "gone", dir, "run1", out);

    assertThat(started).isEmpty();
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("no profile of gone");
  }

  /** CPU work JFR's execution sampler can see; its result is used, so it is not optimized away. */
  private static long busyFor(long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    long sum = 0;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 10_000; i++) {
        sum += Long.hashCode(sum * 31 + i);
      }
    }
    return sum;
  }
}
