package io.realtimestreaming.stream.sink;

import com.datastax.oss.driver.api.core.CqlSession;
import io.realtimestreaming.stream.settings.CassandraTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes ledger entries as their writes are acknowledged, every {@value #EVERY_MILLIS} ms, for a
 * task that never ends on its own (real-time mode, where a task runs for the whole of a long
 * batch): the run ledger, and so a run's reconciliation, keeps up with the rows within milliseconds
 * instead of at the end of the batch. Each flush stamps its rows with the instant it drains them,
 * at most {@value #EVERY_MILLIS} ms after their writes were acknowledged.
 */
public final class LedgerFlusher implements AutoCloseable {

  static final long EVERY_MILLIS = 10;

  private final CqlSession session;
  private final CassandraTarget target;
  private final ConcurrentLinkedQueue<LedgerEntry> acknowledged = new ConcurrentLinkedQueue<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  // a timer thread per task (a task per Kafka partition): flushing is a few writes
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "ledger-flusher");
            t.setDaemon(true);
            return t;
          });

  public LedgerFlusher(CqlSession session, CassandraTarget target) {
    this.session = session;
    this.target = target;
    timer.scheduleWithFixedDelay(
        this::flushQuietly, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Queues an entry whose write is acknowledged; thread-safe. */
  public void add(LedgerEntry entry) {
    acknowledged.add(entry);
  }

  /**
   * Stops the timer and writes what is left, waiting for it.
   *
   * @throws CassandraWriteException if a flush failed: the batch fails and Spark runs it again
   */
  @Override
  public void close() {
    timer.shutdown();
    try {
      timer.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      flush();
    }
    Throwable error = failure.get();
    if (error != null) {
      throw error instanceof CassandraWriteException e
          ? e
          : new CassandraWriteException("writing the run ledger failed: " + error, error);
    }
  }

  private synchronized void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
    }
  }

  private void flush() {
    List<LedgerEntry> drained = new ArrayList<>();
    for (LedgerEntry e; (e = acknowledged.poll()) != null; ) {
      drained.add(e);
    }
    if (!drained.isEmpty()) {
      new RunLedgerWriter(session, target, Instant.now()).writeAll(drained);
    }
  }
}
