package io.realtimestreaming.ingest.run;

/** Every ingestion thread is busy and the queue is full: the client should try again later. */
public final class RunCapacityExceededException extends RuntimeException {

  RunCapacityExceededException(String message, Throwable cause) {
    super(message, cause);
  }
}
