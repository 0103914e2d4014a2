package io.realtimestreaming.stream.dlq;

import io.realtimestreaming.stream.settings.DeadLetterTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the dead letters of one Spark task. The producer is idempotent with {@code acks=all}, is
 * opened only when the task meets its first poison record (most tasks never do), and {@link
 * #flush()} waits for every acknowledgement: a task, and so a batch, only succeeds once its dead
 * letters are safely in Kafka. A dead letter the topic refuses as too large is sent again without
 * its value ({@link DeadLetter#withoutValue()}), so no batch is retried forever because of one
 * record; any other failure (Kafka away) fails the batch, which Spark retries. A retried batch may
 * send a dead letter again; its {@code dlq.source.*} headers identify the duplicate.
 */
public final class DeadLetterPublisher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);

  private record Failure(DeadLetter letter, Exception error) {}

  private final DeadLetterTarget target;
  private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
  private final List<DeadLetter> sent = new ArrayList<>();
  private KafkaProducer<byte[], byte[]> producer;

  public DeadLetterPublisher(DeadLetterTarget target) {
    this.target = target;
  }

  public void publish(DeadLetter letter) {
    LOG.warn(
        "dead-lettering {} (run {}, user {}) to {}: {} ({})",
        letter.sourceRef(),
        letter.runId(),
        letter.userId(),
        target.topic(),
        letter.reason(),
        letter.detail());
    send(letter, null);
    sent.add(letter);
  }

  /**
   * Waits until Kafka acknowledged every dead letter sent so far, sending those refused as too
   * large again without their value.
   *
   * @return the dead letters sent
   * @throws DeadLetterException if any was not acknowledged
   */
  public List<DeadLetter> flush() {
    if (producer == null) {
      return List.of();
    }
    producer.flush();
    List<Failure> tooLarge = new ArrayList<>();
    for (Failure failure = failures.poll(); failure != null; failure = failures.poll()) {
      if (!isTooLarge(failure.error())) {
        throw failed(failure.error());
      }
      tooLarge.add(failure);
    }
    for (Failure failure : tooLarge) {
      DeadLetter letter = failure.letter();
      LOG.warn(
          "dead letter of {} is too large for {} ({}): sent without its value of {} bytes",
          letter.sourceRef(),
          target.topic(),
          failure.error().getMessage(),
          letter.value().length);
      send(letter.withoutValue(), letter.value().length);
    }
    producer.flush();
    Failure failure = failures.poll();
    if (failure != null) {
      throw failed(failure.error());
    }
    return List.copyOf(sent);
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(10));
    }
  }

  private void send(DeadLetter letter, Integer omittedValueBytes) {
    if (producer == null) {
      producer =
          new KafkaProducer<>(config(), new ByteArraySerializer(), new ByteArraySerializer());
    }
    producer.send(
        letter.toProducerRecord(target.topic(), omittedValueBytes),
        (metadata, error) -> {
          if (error != null) {
            failures.add(new Failure(letter, error));
          }
        });
  }

  private static boolean isTooLarge(Exception error) {
    return error instanceof RecordTooLargeException
        || error instanceof RecordBatchTooLargeException;
  }

  private DeadLetterException failed(Exception error) {
    return new DeadLetterException(
        "sending dead letters to "
            + target.topic()
            + " at "
            + target.bootstrapServers()
            + " failed ("
            + error
            + "); the batch fails and Spark retries it. Is Kafka up, and"
            + " does the topic exist?",
        error);
  }

  private Properties config() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return props;
  }
}
