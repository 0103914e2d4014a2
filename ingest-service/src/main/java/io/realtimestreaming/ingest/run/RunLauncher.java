package io.realtimestreaming.ingest.run;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Starts runs: records each as RUNNING, owned by this instance, then hands it to the pool. */
@Service
public class RunLauncher {

  private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

  private final IngestionRunRepository runs;
  private final RunPool pool;
  private final RunProperties properties;
  private final Clock clock;

  RunLauncher(IngestionRunRepository runs, RunPool pool, RunProperties properties, Clock clock) {
    this.runs = runs;
    this.pool = pool;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * @throws RunCapacityExceededException when {@code concurrency} runs execute and {@code
   *     queue-capacity} wait already, or the service is stopping; the run is then not recorded
   */
  public IngestionRun start(int count, String seed, List<String> nationalities) {
    if (!pool.reserve()) {
      throw new RunCapacityExceededException(
          properties.concurrency()
              + " runs are executing and "
              + properties.queueCapacity()
              + " waiting; try again when one has finished (ingest.runs.* sets the limits)",
          null);
    }
    IngestionRun run;
    try {
      run =
          runs.save(
              IngestionRun.start(
                  count, seed, nationalities, properties.instanceId(), clock.instant()));
    } catch (RuntimeException e) {
      pool.cancel();
      throw e;
    }
    try {
      pool.submit(RunRequest.of(run));
    } catch (RejectedExecutionException e) {
      runs.deleteById(run.getId());
      throw new RunCapacityExceededException("the service is stopping; try again shortly", e);
    }
    log.info("run {} accepted: {} users, seed {}", run.getId(), count, seed);
    return run;
  }
}
