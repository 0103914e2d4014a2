package io.realtimestreaming.ingest.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends the runs that are RUNNING in the database but will never end by themselves, every {@code
 * ingest.runs.reaper-interval}:
 *
 * <ul>
 *   <li>runs of this instance that no ingestion thread executes any more (their end could not be
 *       written, say while the database was away), once they have made no progress for a minute;
 *   <li>runs of any instance that made no progress for {@code ingest.runs.stall-timeout} (their
 *       instance is gone for good, or their thread is stuck).
 * </ul>
 *
 * {@link UnfinishedRuns} covers this instance's runs at start-up, at once.
 */
@Component
class StalledRuns {

  private static final Logger log = LoggerFactory.getLogger(StalledRuns.class);
  private static final Duration ORPHAN_GRACE = Duration.ofMinutes(1);

  private final IngestionRunRepository runs;
  private final RunPool pool;
  private final RunProperties properties;
  private final Clock clock;

  StalledRuns(IngestionRunRepository runs, RunPool pool, RunProperties properties, Clock clock) {
    this.runs = runs;
    this.pool = pool;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${ingest.runs.reaper-interval:30s}",
      initialDelayString = "${ingest.runs.reaper-interval:30s}")
  void reap() {
    try {
      Instant now = clock.instant();
      for (UUID run :
          runs.findRunningOfNotUpdatedSince(properties.instanceId(), now.minus(ORPHAN_GRACE))) {
        if (!pool.isActive(run)) {
          end(run, "the run ended without recording its end (was the database unreachable?)");
        }
      }
      for (UUID run : runs.findRunningNotUpdatedSince(now.minus(properties.stallTimeout()))) {
        if (!pool.isActive(run)) {
          end(
              run,
              "the run made no progress for "
                  + properties.stallTimeout().toMinutes()
                  + " min; the instance executing it is gone or stuck");
        }
      }
    } catch (DataAccessException e) {
      log.warn("cannot look for stalled runs now: {}", e.getMostSpecificCause().toString());
    }
  }

  private void end(UUID run, String error) {
    if (runs.finish(run, RunStatus.FAILED, error, clock.instant()) == 1) {
      log.warn("run {} marked FAILED: {}", run, error);
    }
  }
}
