package io.realtimestreaming.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrSummaryTests {

  @Test
  void foldsThreadNumbersSoAPoolAddsUp() {
    assertThat(JfrSummary.foldNumbers("ingestion-2")).isEqualTo("ingestion-#");
    assertThat(
            JfrSummary.foldNumbers(
                "Executor task launch worker for task 3.0 in stage 7.0 (TID 21)"))
        .isEqualTo("Executor task launch worker for task # in stage # (TID #)");
  }

  @Test
  void findsTheMethodThatBurnedTheCpuInARealRecording(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("burn.jfr");
    HotMethods hot;
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
      recording.start();
      // on a loaded machine JFR's sampler may get no CPU during one burst: burn until it did
      int bursts = 0;
      do {
        Thread burner = new Thread(JfrSummaryTests::burn, "burner-7");
        burner.start();
        burner.join();
        recording.dump(file);
        hot = JfrSummary.read(file, "test", "burning");
      } while (hot.samples() == 0 && ++bursts < 20);
      recording.stop();
    }

    assertThat(Files.size(file)).isPositive();
    assertThat(hot.samples()).isPositive();
    assertThat(hot.threads()).extracting(HotMethods.Share::name).contains("burner-#");
    assertThat(hot.ownCode())
        .extracting(HotMethods.Share::name)
        .contains("io.realtimestreaming.bench.profile.JfrSummaryTests.burn");
  }

  private static void burn() {
    long until = System.nanoTime() + Duration.ofMillis(500).toNanos();
    double x = 0;
    while (System.nanoTime() < until) {
      x += Math.sqrt(x + 1);
    }
    if (x < 0) {
      System.out.println(x); // keeps the loop from being optimized away
    }
  }
}
