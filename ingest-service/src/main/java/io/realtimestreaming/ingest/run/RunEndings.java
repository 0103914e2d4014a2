package io.realtimestreaming.ingest.run;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Records that a run FAILED, and keeps trying while the database is away: the failure that ended
 * the run is often the database itself (PostgreSQL killed mid-run), and a run whose end was never
 * written would stay RUNNING. Attempts back off from 1 s to 30 s for {@code
 * ingest.runs.end-retry-attempts}; if the database is still away after that, {@link StalledRuns}
 * ends the run once it is back.
 */
@Component
class RunEndings {

  private static final Logger log = LoggerFactory.getLogger(RunEndings.class);

  private final IngestionRunRepository runs;
  private final Clock clock;
  private final Retry retry;

  RunEndings(IngestionRunRepository runs, RunProperties properties, Clock clock) {
    this.runs = runs;
    this.clock = clock;
    this.retry =
        Retry.of(
            "run-end",
            RetryConfig.custom()
                .maxAttempts(properties.endRetryAttempts())
                .intervalFunction(
                    IntervalFunction.ofExponentialBackoff(
                        Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30)))
                .retryExceptions(DataAccessException.class)
                .build());
  }

  /**
   * Ends the run FAILED with {@code cause}'s text. A stopping service interrupts its runs: the flag
   * is cleared while the status is written (the JDBC driver refuses to work on an interrupted
   * thread), then set again, and the text says the service stopped.
   */
  void fail(UUID runId, Throwable cause) {
    boolean interrupted = Thread.interrupted();
    String error = interrupted ? "the service stopped during the run: " + text(cause) : text(cause);
    log.error("run failed: {}", error, cause);
    try {
      retry.executeRunnable(() -> runs.finish(runId, RunStatus.FAILED, error, clock.instant()));
    } catch (DataAccessException e) {
      log.error(
          "run {} could not be marked FAILED ({}); it is marked once the database answers again",
          runId,
          e.getMostSpecificCause().toString());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String text(Throwable cause) {
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }
}
