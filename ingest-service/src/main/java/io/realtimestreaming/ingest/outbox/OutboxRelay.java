package io.realtimestreaming.ingest.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.realtimestreaming.model.wire.EventHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox to Kafka: claims a batch of rows (each a stored page's events), sends every
 * event with its run and version as headers, waits for every answer ({@code acks=all}, idempotent
 * producer), then, in the claiming transaction, deletes the rows, parks the events Kafka refused
 * for good, and adds both to their runs' {@code published} and {@code parked} counters.
 *
 * <ul>
 *   <li>A refusal that sending again cannot change (the record too large, not serializable, an
 *       invalid topic: {@link KafkaRefusals}) parks that event with its reason in {@code
 *       outbox_parked}; the relay goes on. One bad event never holds up the ones behind it.
 *   <li>Any other failure (a broker away, a timeout) rolls the transaction back: the rows return
 *       and a later pass sends them again, after a pause that grows while the failure lasts (one
 *       log line when it starts, then one every {@value #FAILURE_LOG_EVERY_SECONDS} s).
 *   <li>A crash between the acknowledgement and the commit does the same, so a record can reach
 *       Kafka twice (at-least-once); consumers dedupe by key and version. A clean stop never does:
 *       {@link #stop()} lets the batch in hand finish and claims no more.
 *   <li>Two instances never claim the same row: the claim is {@code FOR UPDATE SKIP LOCKED}.
 * </ul>
 *
 * Runs on a thread of its own: a pass drains the outbox batch by batch, then waits {@code
 * poll-interval} before looking again, unless a commit of new events wakes it first ({@link
 * OutboxWakeups}). {@link RelayProgress} records when it last moved forward, for health.
 */
final class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration MAX_FAILURE_PAUSE = Duration.ofSeconds(10);
  private static final long FAILURE_LOG_EVERY_SECONDS = 30;

  private final OutboxStore store;
  private final KafkaTemplate<String, byte[]> kafka;
  private final TransactionTemplate transaction;
  private final OutboxProperties properties;
  private final RelayProgress progress;
  private final Counter published;
  private final Counter parked;
  // held for the whole of a batch, so that stop() can wait for the batch in hand
  private final ReentrantLock batchLock = new ReentrantLock();
  private volatile boolean running;
  private ScheduledExecutorService thread;
  private ScheduledFuture<?> nextPass; // touched on the relay's thread only
  private int failuresInARow;
  private long lastFailureLogged;

  OutboxRelay(
      OutboxStore store,
      KafkaTemplate<String, byte[]> kafka,
      TransactionTemplate transaction,
      OutboxProperties properties,
      RelayProgress progress,
      MeterRegistry meters) {
    this.store = store;
    this.kafka = kafka;
    this.transaction = transaction;
    this.properties = properties;
    this.progress = progress;
    this.published =
        Counter.builder("ingest.users.published")
            .description("users acknowledged by Kafka and removed from the outbox")
            .register(meters);
    this.parked =
        Counter.builder("ingest.outbox.parked")
            .description("events Kafka refused for good, moved to outbox_parked with the reason")
            .register(meters);
  }

  @Override
  public synchronized void start() {
    running = true;
    thread =
        Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("outbox-relay-"));
    nextPass = thread.schedule(this::pass, 0, TimeUnit.MILLISECONDS);
  }

  /**
   * Runs a pass now instead of at the end of the poll interval: a page's transaction has committed
   * events ({@link OutboxWakeups}). A pass in progress finishes first; while the relay backs off
   * after failures, a wake-up changes nothing.
   */
  void wake() {
    ScheduledExecutorService relay = thread;
    if (!running || relay == null) {
      return;
    }
    try {
      relay.execute(
          () -> {
            if (running && failuresInARow == 0 && nextPass != null && nextPass.cancel(false)) {
              pass();
            }
          });
    } catch (RejectedExecutionException stopping) {
      // the relay is stopping: nothing more to send
    }
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

  /** Drains the outbox, then schedules the next pass: soon after success, later after failure. */
  private void pass() {
    long pauseMillis = properties.pollInterval().toMillis();
    try {
      drain();
      if (failuresInARow > 0) {
        log.info("outbox relay recovered after {} failed passes", failuresInARow);
      }
      failuresInARow = 0;
    } catch (RuntimeException e) {
      failuresInARow++;
      pauseMillis = failurePause(pauseMillis);
      progress.failed(e.toString());
      logFailure(e);
    }
    if (running) {
      nextPass = thread.schedule(this::pass, pauseMillis, TimeUnit.MILLISECONDS);
    }
  }

  /** Relays batches until the outbox is empty or the service stops. */
  void drain() {
    while (running && relayBatch() > 0) {
      // a full batch: more may be waiting
    }
  }

  /**
   * One batch in one transaction; answers how many events it took out of the outbox (published or
   * parked).
   *
   * @throws IllegalStateException when Kafka failed in a way that may pass: nothing is committed
   */
  int relayBatch() {
    batchLock.lock();
    try {
      Outcome outcome =
          transaction.execute(
              status -> {
                List<OutboxEvent> events = store.claim(properties.batchPages());
                Outcome sent = send(events);
                store.countPublished(sent.published());
                if (!sent.parked().isEmpty()) {
                  store.park(sent.parked());
                }
                return sent;
              });
      progress.advanced();
      published.increment(outcome.published().size());
      parked.increment(outcome.parked().size());
      for (ParkedEvent event : outcome.parked()) {
        log.warn(
            "parked event of user {} (run {}, version {}): {}",
            event.event().userId(),
            event.event().runId(),
            event.event().version(),
            event.reason());
      }
      return outcome.size();
    } finally {
      batchLock.unlock();
    }
  }

  /** What Kafka made of a batch: events acknowledged, events refused for good. */
  private record Outcome(List<OutboxEvent> published, List<ParkedEvent> parked) {
    int size() {
      return published.size() + parked.size();
    }
  }

  /** Sends every event, in order, and waits for every answer. */
  private Outcome send(List<OutboxEvent> events) {
    List<CompletableFuture<?>> sends = new ArrayList<>(events.size());
    for (OutboxEvent event : events) {
      sends.add(sendOne(event));
    }
    try {
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
          .exceptionally(e -> null) // each event's answer is read below
          .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("unexpected failure waiting for Kafka: " + e.getCause(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Kafka answered not all of a batch of "
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
    List<OutboxEvent> acknowledged = new ArrayList<>(events.size());
    List<ParkedEvent> refused = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      Throwable failure = failure(sends.get(i));
      if (failure == null) {
        acknowledged.add(events.get(i));
        continue;
      }
      String reason = KafkaRefusals.permanent(failure).orElse(null);
      if (reason == null) {
        throw new IllegalStateException(
            "Kafka did not acknowledge an event to " + properties.topic() + ": " + failure,
            failure);
      }
      refused.add(new ParkedEvent(events.get(i), reason));
    }
    return new Outcome(acknowledged, refused);
  }

  /**
   * A send whose failure, even one the producer throws at once (serialization), is its future's.
   */
  private CompletableFuture<?> sendOne(OutboxEvent event) {
    try {
      return kafka.send(record(event));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private ProducerRecord<String, byte[]> record(OutboxEvent event) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(EventHeaders.RUN_ID, EventHeaders.text(event.runId().toString()));
    if (event.version() != null) {
      headers.add(EventHeaders.USER_VERSION, EventHeaders.text(event.version().toString()));
    }
    return new ProducerRecord<>(
        properties.topic(), null, event.userId().toString(), event.payload(), headers);
  }

  private static Throwable failure(CompletableFuture<?> send) {
    try {
      send.join();
      return null;
    } catch (RuntimeException e) {
      return e.getCause() == null ? e : e.getCause();
    }
  }

  private long failurePause(long pollMillis) {
    long pause = pollMillis << Math.min(failuresInARow, 10);
    return Math.min(pause, MAX_FAILURE_PAUSE.toMillis());
  }

  /** The first failure of a streak in full; then one line every so often, not one per pass. */
  private void logFailure(RuntimeException e) {
    long now = System.nanoTime();
    if (failuresInARow == 1) {
      log.error(
          "outbox relay pass failed, rows stay in the outbox and are sent again: {}", e.toString());
      lastFailureLogged = now;
    } else if (now - lastFailureLogged > TimeUnit.SECONDS.toNanos(FAILURE_LOG_EVERY_SECONDS)) {
      log.error(
          "outbox relay still failing ({} passes in a row, backlog {}): {}",
          failuresInARow,
          backlogOrUnknown(),
          e.toString());
      lastFailureLogged = now;
    }
  }

  private String backlogOrUnknown() {
    try {
      return Long.toString(store.backlog());
    } catch (RuntimeException e) {
      return "unknown";
    }
  }
}
