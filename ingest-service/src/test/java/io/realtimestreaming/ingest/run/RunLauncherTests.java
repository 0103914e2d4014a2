package io.realtimestreaming.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** The launcher on a real pool of one thread and a queue of one; the runs themselves block. */
class RunLauncherTests {

  private final IngestionRunRepository runs = mock(IngestionRunRepository.class);
  private final IngestionRunner runner = mock(IngestionRunner.class);
  private final CountDownLatch finish = new CountDownLatch(1);
  private final RunProperties properties =
      new RunProperties(1, 1, "test-instance", Duration.ofMinutes(30), 1);
  private final RunPool pool = new RunPool(runner, runs, properties, Clock.systemUTC());
  private final RunLauncher launcher = new RunLauncher(runs, pool, properties, Clock.systemUTC());

  RunLauncherTests() {
    given(runs.save(any())).willAnswer(call -> call.getArgument(0));
    willAnswer(call -> finish.await(30, TimeUnit.SECONDS)).given(runner).execute(any());
  }

  @AfterEach
  void stopPool() {
    finish.countDown();
    pool.stop();
  }

  @Test
  void aFullPoolRefusesARunWithoutWritingIt() {
    launcher.start(100, "executing", List.of());
    launcher.start(100, "queued", List.of());

    assertThatThrownBy(() -> launcher.start(100, "refused", List.of()))
        .isInstanceOf(RunCapacityExceededException.class)
        .hasMessage(
            "1 runs are executing and 1 waiting; try again when one has finished (ingest.runs.*"
                + " sets the limits)");
    verify(runs, times(2)).save(any());
    verify(runs, never()).deleteById(any());
  }

  @Test
  void aRunThatEndsGivesItsPlaceToTheNext() {
    launcher.start(100, "executing", List.of());
    launcher.start(100, "queued", List.of());
    finish.countDown();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(launcher.start(100, "next", List.of()).getSeed()).isEqualTo("next"));
    verify(runner, times(3)).execute(any());
  }

  @Test
  void aRunThatCouldNotBeRecordedGivesItsPlaceBack() {
    given(runs.save(any()))
        .willThrow(new DataAccessResourceFailureException("Connection refused"))
        .willThrow(new DataAccessResourceFailureException("Connection refused"))
        .willAnswer(call -> call.getArgument(0));

    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> launcher.start(100, "unrecorded", List.of()))
          .isInstanceOf(DataAccessResourceFailureException.class);
    }

    // both places are free still: neither failed attempt kept one
    launcher.start(100, "executing", List.of());
    launcher.start(100, "queued", List.of());
    verify(runs, times(4)).save(any());
  }
}
