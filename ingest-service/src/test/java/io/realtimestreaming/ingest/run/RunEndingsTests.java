package io.realtimestreaming.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class RunEndingsTests {

  private static final UUID RUN = UUID.randomUUID();
  private final IngestionRunRepository runs = mock(IngestionRunRepository.class);

  @Test
  void keepsTryingToRecordTheFailureWhileTheDatabaseIsAway() {
    given(runs.finish(eq(RUN), eq(RunStatus.FAILED), any(), any()))
        .willThrow(new DataAccessResourceFailureException("Connection refused"))
        .willReturn(1);

    endings(3).fail(RUN, new IllegalStateException("page 4 could not be stored"));

    verify(runs, times(2))
        .finish(eq(RUN), eq(RunStatus.FAILED), eq("page 4 could not be stored"), any());
  }

  @Test
  void givesUpAfterItsAttemptsWithoutThrowing() {
    given(runs.finish(any(), any(), any(), any()))
        .willThrow(new DataAccessResourceFailureException("Connection refused"));

    endings(2).fail(RUN, new IllegalStateException("x"));

    verify(runs, times(2)).finish(any(), any(), any(), any());
  }

  @Test
  void saysTheServiceStoppedWhenTheRunWasInterruptedAndKeepsTheFlag() {
    Thread.currentThread().interrupt();

    endings(1).fail(RUN, new IllegalStateException("interrupted while waiting for page 3"));

    assertThat(Thread.interrupted()).isTrue();
    verify(runs)
        .finish(
            eq(RUN),
            eq(RunStatus.FAILED),
            eq("the service stopped during the run: interrupted while waiting for page 3"),
            any());
  }

  private RunEndings endings(int attempts) {
    return new RunEndings(
        runs, new RunProperties(1, 1, "test", Duration.ofMinutes(30), attempts), Clock.systemUTC());
  }
}
