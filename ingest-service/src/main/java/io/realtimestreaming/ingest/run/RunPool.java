package io.realtimestreaming.ingest.run;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * The bounded pool runs execute on: {@code concurrency} threads and a queue of {@code
 * queue-capacity}; a full queue refuses the run, which the API answers with 503. A run takes its
 * place ({@link #reserve}) before anything is written for it, so a refusal costs the database
 * nothing: under overload, refused requests would otherwise add a run's insert and delete each to
 * the load that made them refused.
 *
 * <p>A plain {@code ThreadPoolExecutor} rather than Spring's task executor, whose lifecycle stop
 * waits for the running tasks and then drops the queued ones, leaving those runs RUNNING; a run can
 * take many minutes. On stop, once the web server has stopped taking requests, runs in progress are
 * interrupted and each ends FAILED after its current page, and runs still queued are marked FAILED
 * without starting. Either way the pages stored so far stay, each with its events.
 */
@Component
class RunPool implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RunPool.class);
  // how long a stop waits for interrupted runs to record their end
  private static final long STOP_TIMEOUT_SECONDS = 15;

  private final IngestionRunner runner;
  private final IngestionRunRepository runs;
  private final Clock clock;
  private final ThreadPoolExecutor executor;
  // a place per run from its reservation until it ends: concurrency + queue-capacity in all
  private final Semaphore places;
  // runs queued or executing here; what StalledRuns must leave alone
  private final Set<UUID> active = ConcurrentHashMap.newKeySet();
  private volatile boolean running;

  RunPool(
      IngestionRunner runner, IngestionRunRepository runs, RunProperties properties, Clock clock) {
    this.runner = runner;
    this.runs = runs;
    this.clock = clock;
    this.places = new Semaphore(properties.concurrency() + properties.queueCapacity());
    // unbounded: the places bound it (a bounded queue could refuse a run whose place a finishing
    // run has just freed, before its thread took the next one)
    this.executor =
        new ThreadPoolExecutor(
            properties.concurrency(),
            properties.concurrency(),
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            new CustomizableThreadFactory("ingestion-"),
            new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * Takes a place for a run about to be recorded; {@code false} when {@code concurrency} runs
   * execute and {@code queue-capacity} wait already. The place is the run's until it ends, or until
   * {@link #cancel} gives it back.
   */
  boolean reserve() {
    return places.tryAcquire();
  }

  /** Gives back a place reserved for a run that will not be submitted (recording it failed). */
  void cancel() {
    places.release();
  }

  /**
   * Queues a run on the place reserved for it.
   *
   * @throws RejectedExecutionException when the pool has stopped; the place is given back
   */
  void submit(RunRequest run) {
    active.add(run.id());
    try {
      executor.execute(new QueuedRun(run, runner, active, places));
    } catch (RejectedExecutionException e) {
      active.remove(run.id());
      places.release();
      throw e;
    }
  }

  /** Whether the run is queued or executing on this instance. */
  boolean isActive(UUID run) {
    return active.contains(run);
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    for (Runnable task : executor.shutdownNow()) { // interrupts the runs in progress
      RunRequest run = ((QueuedRun) task).request();
      runs.finish(
          run.id(),
          RunStatus.FAILED,
          "the service stopped before the run started",
          clock.instant());
      log.warn("run {} was still queued when the service stopped: marked FAILED", run.id());
    }
    try {
      if (!executor.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        log.warn(
            "runs still executing {} s after the stop was asked; they stay RUNNING until this"
                + " instance starts again",
            STOP_TIMEOUT_SECONDS);
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
  private record QueuedRun(
      RunRequest request, IngestionRunner runner, Set<UUID> active, Semaphore places)
      implements Runnable {

    @Override
    public void run() {
      try {
        runner.execute(request);
      } finally {
        active.remove(request.id());
        places.release();
      }
    }
  }
}
