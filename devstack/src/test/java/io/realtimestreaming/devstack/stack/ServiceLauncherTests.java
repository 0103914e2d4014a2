package io.realtimestreaming.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that fails for a reason its spec says passes by itself is launched once more; any other
 * failed start fails. The service is a shell script that exits on its first launch and runs on its
 * second.
 */
class ServiceLauncherTests {

  @TempDir Path home;

  private StackSettings settings;
  private PidFiles pids;

  @BeforeEach
  void ownHome() {
    settings =
        StackSettings.fromEnvironment(
            Path.of("").toAbsolutePath().getParent(), Map.of("PIPELINE_HOME", home.toString()));
    pids = new PidFiles(settings);
  }

  @AfterEach
  void stopTheService() throws Exception {
    new ServiceStopper(pids, Duration.ofSeconds(5)).stop(FlakyService.NAME);
  }

  @Test
  void aStartThatFailsForAPassingReasonIsLaunchedOnceMore() throws Exception {
    String account = launcher().start(new FlakyService(true));

    assertThat(account)
        .startsWith("flaky: ready in ")
        .endsWith("(started again after 0 s: the first launch always fails)");
    assertThat(Files.exists(settings.dataDir(FlakyService.NAME).resolve("second"))).isTrue();
  }

  @Test
  void anyOtherFailedStartFailsWithoutASecondLaunch() {
    FlakyService notRetried = new FlakyService(false);

    assertThatThrownBy(() -> launcher().start(notRetried))
        .isInstanceOf(ServiceFailedException.class)
        .hasMessageContaining("flaky exited during start-up")
        .hasMessageContaining("FIRST LAUNCH FAILS");
    assertThat(Files.exists(settings.dataDir(FlakyService.NAME).resolve("second"))).isFalse();
  }

  private ServiceLauncher launcher() {
    return new ServiceLauncher(settings, new Runtimes(settings), pids);
  }

  /** Exits on its first launch (logging why), runs on its second: ready once it has. */
  private record FlakyService(boolean retried) implements ServiceSpec {

    static final String NAME = "flaky";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String address(StackSettings s) {
      return "-";
    }

    @Override
    public String role() {
      return "test";
    }

    @Override
    public List<Integer> ports(StackSettings s) {
      return List.of();
    }

    @Override
    public List<String> prepare(StackSettings s, Runtimes runtimes) {
      return List.of(
          "sh",
          "-c",
          "if [ -e first ]; then touch second; exec sleep 60;"
              + " else touch first; echo 'FIRST LAUNCH FAILS'; exit 1; fi");
    }

    @Override
    public boolean isReady(StackSettings s) {
      return Files.exists(s.dataDir(NAME).resolve("second"));
    }

    @Override
    public Optional<StartRetry> retryAfter(String startupLog) {
      return retried && startupLog.contains("FIRST LAUNCH FAILS")
          ? Optional.of(new StartRetry("the first launch always fails", Duration.ofMillis(100)))
          : Optional.empty();
    }
  }
}
