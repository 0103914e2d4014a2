package io.realtimestreaming.ingest.outbox;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Tells a refusal that belongs to the event (sending it again gets the same answer) from a failure
 * of the moment (a broker away, a leader moving), which the relay waits out and retries.
 */
final class KafkaRefusals {

  /** Refusals that are a property of the record or its topic, not of the cluster's state. */
  private static final List<Class<? extends Throwable>> PERMANENT =
      List.of(
          RecordTooLargeException.class,
          RecordBatchTooLargeException.class,
          InvalidRecordException.class,
          SerializationException.class,
          InvalidTopicException.class);

  private KafkaRefusals() {}

  /** The refusal's text when {@code failure} (or a cause of it) is permanent, else empty. */
  static Optional<String> permanent(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (Class<? extends Throwable> kind : PERMANENT) {
        if (kind.isInstance(t)) {
          return Optional.of(t.getClass().getSimpleName() + ": " + t.getMessage());
        }
      }
    }
    return Optional.empty();
  }
}
