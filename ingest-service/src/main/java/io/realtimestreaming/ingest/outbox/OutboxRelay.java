package io.realtimestreaming.ingest.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox to Kafka: claims a batch of rows (each a stored page's events), sends every
 * event, waits for every acknowledgement ({@code acks=all}, idempotent producer), then deletes the
 * rows and adds their events to their runs' {@code published} counters, all in the claiming
 * transaction.
 *
 * <ul>
 *   <li>A send that fails rolls the transaction back: the rows return and the next pass sends them
 *       again.
 *   <li>A crash between the acknowledgement and the commit does the same, so a record can reach
 *       Kafka twice (at-least-once); consumers dedupe by key (the user id). A clean stop never
 *       does: {@link #stop()} lets the batch in hand finish and claims no more.
 *   <li>Two instances never claim the same row: the claim is {@code FOR UPDATE SKIP LOCKED}.
 * </ul>
 *
 * Runs on a thread of its own: a pass drains the outbox batch by batch, then waits {@code
 * poll-interval} before looking again.
 */
final class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

  private final OutboxStore store;
  private final KafkaTemplate<String, byte[]> kafka;
  private final TransactionTemplate transaction;
  private final OutboxProperties properties;
  private final Counter published;
  // held for the whole of a batch, so that stop() can wait for the batch in hand
  private final ReentrantLock batchLock = new ReentrantLock();
  private volatile boolean running;
  private ScheduledExecutorService thread;

  OutboxRelay(
      OutboxStore store,
      KafkaTemplate<String, byte[]> kafka,
      TransactionTemplate transaction,
      OutboxProperties properties,
      MeterRegistry meters) {
    this.store = store;
    this.kafka = kafka;
    this.transaction = transaction;
    this.properties = properties;
    this.published =
        Counter.builder("ingest.users.published")
            .description("users acknowledged by Kafka and removed from the outbox")
            .register(meters);
  }

  @Override
  public synchronized void start() {
    running = true;
    thread =
        Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("outbox-relay-"));
    thread.scheduleWithFixedDelay(
        this::drain, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    running = false;
    thread.shutdown();
    batchLock.lock(); // waits for the batch in hand to commit or roll back
    batchLock.unlock();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Relays batches until the outbox is empty, a batch fails, or the service stops. */
  void drain() {
    try {
      while (running && relayBatch() > 0) {
        // a full batch: more may be waiting
      }
    } catch (RuntimeException e) {
      log.error(
          "outbox relay pass failed, rows stay in the outbox for the next pass: {}", e.toString());
    }
  }

  /** One batch in one transaction; answers how many events it published. */
  int relayBatch() {
    batchLock.lock();
    try {
      Integer sent =
          transaction.execute(
              status -> {
                List<OutboxRow> events = store.claim(properties.batchPages());
                if (events.isEmpty()) {
                  return 0;
                }
                awaitAcks(events);
                store.countPublished(events);
                return events.size();
              });
      int count = sent == null ? 0 : sent;
      if (count > 0) {
        published.increment(count);
        log.debug("published {} events to {}", count, properties.topic());
      }
      return count;
    } finally {
      batchLock.unlock();
    }
  }

  /** Sends every event, in order, and waits for all acknowledgements. */
  private void awaitAcks(List<OutboxRow> events) {
    List<CompletableFuture<?>> sends = new ArrayList<>(events.size());
    for (OutboxRow event : events) {
      sends.add(kafka.send(properties.topic(), event.userId().toString(), event.payload()));
    }
    try {
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
          .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Kafka did not acknowledge a batch of "
              + sends.size()
              + " events to "
              + properties.topic()
              + ": "
              + e.getCause(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Kafka acknowledged no batch of "
              + sends.size()
              + " events to "
              + properties.topic()
              + " within "
              + ACK_TIMEOUT
              + "; is the broker at spring.kafka.bootstrap-servers up?",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for Kafka acknowledgements", e);
    }
  }
}
