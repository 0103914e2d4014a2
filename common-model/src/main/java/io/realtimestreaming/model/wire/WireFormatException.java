package io.realtimestreaming.model.wire;

/** A Kafka message that is not in the Confluent wire format: a poison record, not a retry. */
public final class WireFormatException extends RuntimeException {

  public WireFormatException(String message) {
    super(message);
  }
}
