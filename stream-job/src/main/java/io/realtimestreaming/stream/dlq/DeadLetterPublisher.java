package io.realtimestreaming.stream.dlq;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the dead letters of one Spark task. The producer is idempotent with {@code acks=all}, is
 * opened only when the task meets its first poison record (most tasks never do), and {@link
 * #flush()} waits for every acknowledgement: a task, and so a batch, only succeeds once its dead
 * letters are safely in Kafka. A retried batch may send a dead letter again; its {@code
 * dlq.source.*} headers identify the duplicate.
 */
public final class DeadLetterPublisher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);

  private final DeadLetterTarget target;
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private KafkaProducer<byte[], byte[]> producer;
  private long sent;

  public DeadLetterPublisher(DeadLetterTarget target) {
    this.target = target;
  }

  public void publish(DeadLetter letter) {
    if (producer == null) {
      producer =
          new KafkaProducer<>(config(), new ByteArraySerializer(), new ByteArraySerializer());
    }
    LOG.warn(
        "dead-lettering {} to {}: {} ({})",
        letter.sourceRef(),
        target.topic(),
        letter.reason(),
        letter.detail());
    producer.send(
        letter.toProducerRecord(target.topic()),
        (metadata, error) -> {
          if (error != null) {
            failure.compareAndSet(null, error);
          }
        });
    sent++;
  }

  /**
   * Waits until Kafka acknowledged every dead letter sent so far.
   *
   * @return how many were sent
   * @throws DeadLetterException if any was not acknowledged
   */
  public long flush() {
    if (producer != null) {
      producer.flush();
    }
    Exception error = failure.get();
    if (error != null) {
      throw new DeadLetterException(
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
    return sent;
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(10));
    }
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
