package io.realtimestreaming.ingest.run;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/** Starts runs: records each as RUNNING, then hands it to the bounded ingestion pool. */
@Service
public class RunLauncher {

  private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

  private final IngestionRunRepository runs;
  private final IngestionRunner runner;
  private final ThreadPoolTaskExecutor executor;
  private final RunProperties properties;
  private final Clock clock;

  RunLauncher(
      IngestionRunRepository runs,
      IngestionRunner runner,
      @Qualifier(RunExecutorConfig.INGESTION_EXECUTOR) ThreadPoolTaskExecutor ingestionExecutor,
      RunProperties properties,
      Clock clock) {
    this.runs = runs;
    this.runner = runner;
    this.executor = ingestionExecutor;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * @throws RunCapacityExceededException when {@code concurrency} runs execute and {@code
   *     queue-capacity} wait already; the run is then not recorded
   */
  public IngestionRun start(int count, String seed, List<String> nationalities) {
    IngestionRun run = runs.save(IngestionRun.start(count, seed, nationalities, clock.instant()));
    try {
      executor.execute(() -> runner.execute(RunRequest.of(run)));
    } catch (TaskRejectedException e) {
      runs.deleteById(run.getId());
      throw new RunCapacityExceededException(
          properties.concurrency() + " runs are executing and " + properties.queueCapacity()
              + " waiting; try again when one has finished (ingest.runs.* sets the limits)",
          e);
    }
    log.info("run {} accepted: {} users, seed {}", run.getId(), count, seed);
    return run;
  }
}
