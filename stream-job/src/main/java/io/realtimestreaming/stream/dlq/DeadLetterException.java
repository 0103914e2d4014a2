package io.realtimestreaming.stream.dlq;

/** A dead letter was not acknowledged by Kafka: the batch fails and Spark retries it. */
public final class DeadLetterException extends RuntimeException {

  DeadLetterException(String message, Throwable cause) {
    super(message, cause);
  }
}
