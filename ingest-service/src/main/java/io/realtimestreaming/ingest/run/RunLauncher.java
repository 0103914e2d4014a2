package io.realtimestreaming.ingest.run;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Starts runs: records each as RUNNING, then hands it to the bounded ingestion pool.
 *
 * <p>On stop, after the web server has stopped taking requests, the pool is shut down: runs in
 * progress are interrupted and each ends FAILED after its current page; runs still queued are
 * marked FAILED without starting. Either way the pages stored so far stay, each with its events.
 */
@Service
public class RunLauncher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);
  // how long a stop waits for interrupted runs to record their end
  private static final long STOP_TIMEOUT_SECONDS = 15;

  private final IngestionRunRepository runs;
  private final IngestionRunner runner;
  private final ThreadPoolExecutor executor;
  private final RunProperties properties;
  private final Clock clock;
  private volatile boolean running;

  RunLauncher(
      IngestionRunRepository runs,
      IngestionRunner runner,
      @Qualifier(RunExecutorConfig.INGESTION_EXECUTOR) ThreadPoolExecutor ingestionExecutor,
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
    IngestionRun run =
        runs.save(
            IngestionRun.start(
                count, seed, nationalities, properties.instanceId(), clock.instant()));
    try {
      executor.execute(new QueuedRun(RunRequest.of(run), runner));
    } catch (RejectedExecutionException e) {
      runs.deleteById(run.getId());
      throw new RunCapacityExceededException(
          properties.concurrency() + " runs are executing and " + properties.queueCapacity()
              + " waiting; try again when one has finished (ingest.runs.* sets the limits)",
          e);
    }
    log.info("run {} accepted: {} users, seed {}", run.getId(), count, seed);
    return run;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    List<Runnable> neverStarted = executor.shutdownNow(); // interrupts the runs in progress
    for (Runnable task : neverStarted) {
      RunRequest run = ((QueuedRun) task).request();
      runs.finish(run.id(), RunStatus.FAILED, "the service stopped before the run started",
          clock.instant());
      log.warn("run {} was still queued when the service stopped: marked FAILED", run.id());
    }
    try {
      if (!executor.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        log.warn("runs still executing {} s after the stop was asked; they stay RUNNING until this"
            + " instance starts again", STOP_TIMEOUT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** After the web server (which stops at DEFAULT_PHASE - 2048), before the task executors. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  /** A run waiting for an ingestion thread; what a stop hands back for it is this, unstarted. */
  private record QueuedRun(RunRequest request, IngestionRunner runner) implements Runnable {

    @Override
    public void run() {
      runner.execute(request);
    }
  }
}
