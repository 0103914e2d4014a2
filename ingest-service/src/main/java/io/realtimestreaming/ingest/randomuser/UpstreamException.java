package io.realtimestreaming.ingest.randomuser;

/**
 * randomuser did not give a usable page. {@link #retryable()} answers whether asking again may help
 * (429, 5xx, timeouts, connection errors) or not (a 4xx, a body that is not JSON).
 */
public final class UpstreamException extends RuntimeException {

  private final boolean retryable;

  UpstreamException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  static UpstreamException retryable(String message, Throwable cause) {
    return new UpstreamException(message, true, cause);
  }

  static UpstreamException permanent(String message, Throwable cause) {
    return new UpstreamException(message, false, cause);
  }

  public boolean retryable() {
    return retryable;
  }
}
