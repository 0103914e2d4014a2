package io.realtimestreaming.ingest.run;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fails the runs this instance left RUNNING in an earlier life: its process was killed (a stop
 * fails its runs itself, see {@link RunPool}), or a run it interrupted at a stop had not ended when
 * the stop gave up waiting. Their pages stored so far stay, with their events: each page committed
 * whole.
 *
 * <p>Only runs of this instance ({@code ingest.runs.instance-id}) that started before this life
 * began: another instance's runs may be executing, and this life's runs are its own.
 */
@Component
class UnfinishedRuns {

  private static final Logger log = LoggerFactory.getLogger(UnfinishedRuns.class);

  private final IngestionRunRepository runs;
  private final String instanceId;
  private final Clock clock;
  // taken while the context starts, before the API takes a run
  private final Instant lifeStarted;

  UnfinishedRuns(IngestionRunRepository runs, RunProperties properties, Clock clock) {
    this.runs = runs;
    this.instanceId = properties.instanceId();
    this.clock = clock;
    this.lifeStarted = clock.instant();
  }

  @EventListener(ApplicationReadyEvent.class)
  void failLeftRunning() {
    List<UUID> left = runs.findRunningOf(instanceId, lifeStarted);
    String error =
        "the service instance "
            + instanceId
            + " stopped before the run ended (found when it"
            + " started again at "
            + lifeStarted
            + ")";
    for (UUID run : left) {
      if (runs.finish(run, RunStatus.FAILED, error, clock.instant()) == 1) {
        log.warn(
            "run {} was left RUNNING by an earlier life of instance {}: marked FAILED",
            run,
            instanceId);
      }
    }
  }
}
