package io.realtimestreaming.stream.sink;

/** Cassandra refused writes after the driver's retries: the batch fails and Spark retries it. */
public final class CassandraWriteException extends RuntimeException {

  CassandraWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
