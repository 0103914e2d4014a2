package io.realtimestreaming.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ProcessTreeCpuTests {

  @Test
  void addsUserSystemAndWaitedForChildrensTicksAfterACommandNameWithSpacesAndParentheses() {
    String stat =
        "4242 (postgres: a (b) c) S 1 4242 4242 0 -1 4194560 1300 0 0 0 250 50 700 300 20 0 1 0"
            + " 1000 170000000 2000 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0";

    assertThat(ProcessTreeCpu.parse(stat)).isEqualTo(OptionalDouble.of(250 + 50 + 700 + 300));
  }

  @Test
  void aLineWithoutItsFieldsIsNotRead() {
    assertThat(ProcessTreeCpu.parse("4242 (java) S 1 2 3")).isEmpty();
    assertThat(ProcessTreeCpu.parse("garbage")).isEmpty();
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void countsAChildThatHasExitedWhichTheProcessAloneDoesNot() throws Exception {
    // the shell's subshell burns CPU and exits; the shell then waits, having reaped it
    Process shell =
        new ProcessBuilder(
                "sh",
                "-c",
                "(i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done); echo done; sleep 60")
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("done");
      double alone = shell.info().totalCpuDuration().orElseThrow().toNanos() / 1e9;
      double tree = ProcessTreeCpu.seconds(shell.pid()).orElseThrow();

      assertThat(tree).isGreaterThan(alone + 0.1);
    } finally {
      shell.destroy();
    }
  }

  @Test
  void aProcessGoneIsEmpty() {
    assertThat(ProcessTreeCpu.seconds(Long.MAX_VALUE)).isEmpty();
  }
}
