package io.realtimestreaming.model.ingest;

/**
 * The ingest API refused a call or could not be reached. The message is one sentence saying what
 * went wrong and what to do.
 */
public final class IngestApiException extends RuntimeException {

  private final int status;

  IngestApiException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status, or 0 when the service did not answer. */
  public int status() {
    return status;
  }
}
