package io.realtimestreaming.stream.sink;

import com.datastax.oss.driver.api.core.CqlSession;
import io.realtimestreaming.model.User;
import io.realtimestreaming.stream.settings.CassandraTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Upserts the users of one Spark task with {@code executeAsync}, keeping at most {@link
 * CassandraTarget#maxInFlight()} writes outstanding: enough to keep the cluster busy while the task
 * reads on, bounded so that a slow cluster pushes back on the task instead of filling the heap.
 *
 * <p>Each write's timestamp is the user's version ({@link UserUpsert}): of two writes of one user,
 * the newer version wins in Cassandra, whichever is issued or completes first.
 *
 * <p>Any write that fails after the driver's retries fails {@link #awaitAll()}: the task then
 * fails, and Spark runs the batch again from the checkpoint. Nothing is skipped. Not thread-safe.
 */
public final class CassandraUserWriter {

  /** Generous: every request ends by itself within the driver's request timeout (per retry). */
  static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(2);

  private final CqlSession session;
  private final CassandraTarget target;
  private final Instant processedAt;
  private final Semaphore inFlight;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private UserUpsert upsert;
  private long submitted;

  public CassandraUserWriter(CqlSession session, CassandraTarget target, Instant processedAt) {
    this.session = session;
    this.target = target;
    this.processedAt = processedAt;
    this.inFlight = new Semaphore(target.maxInFlight());
  }

  /**
   * Starts writing one user (at its {@link User#version()}), waiting first if max-in-flight writes
   * are outstanding.
   *
   * @throws CassandraWriteException if an earlier write failed: the batch fails anyway, so the task
   *     stops loading a cluster that is refusing writes
   */
  public void write(User user) {
    write(user, () -> {});
  }

  /**
   * As {@link #write(User)}, running {@code acknowledged} (on a driver thread) once Cassandra has
   * acknowledged the write, when the row can be read.
   */
  public void write(User user, Runnable acknowledged) {
    throwIfFailed();
    if (upsert == null) {
      upsert = UserUpsert.prepare(session, target);
    }
    acquire();
    submitted++;
    session
        .executeAsync(upsert.bind(user, user.version(), processedAt))
        .whenComplete(
            (result, error) -> {
              if (error != null) {
                failure.compareAndSet(null, error);
              } else {
                acknowledged.run();
              }
              inFlight.release();
            });
  }

  /**
   * Waits for every write started so far.
   *
   * @return how many rows were written
   * @throws CassandraWriteException if any write failed
   */
  public long awaitAll() {
    int permits = target.maxInFlight();
    try {
      if (!inFlight.tryAcquire(permits, DRAIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new CassandraWriteException(
            "writes to " + target.qualifiedTable() + " did not finish in " + DRAIN_TIMEOUT, null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CassandraWriteException("interrupted writing to " + target.qualifiedTable(), e);
    }
    inFlight.release(permits);
    throwIfFailed();
    return submitted;
  }

  private void acquire() {
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CassandraWriteException("interrupted writing to " + target.qualifiedTable(), e);
    }
  }

  private void throwIfFailed() {
    Throwable error = failure.get();
    if (error != null) {
      throw new CassandraWriteException(
          String.format(
              "writing users to %s at %s failed after the driver's retries (%s); the batch fails"
                  + " and Spark retries it from the checkpoint. Is Cassandra up?",
              target.qualifiedTable(), target.contactPoints(), error),
          error);
    }
  }
}
