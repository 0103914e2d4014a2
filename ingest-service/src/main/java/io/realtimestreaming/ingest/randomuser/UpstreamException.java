package io.realtimestreaming.ingest.randomuser;

import java.time.Duration;
import java.util.Optional;

/**
 * randomuser did not give a usable page. {@link #retryable()} answers whether asking again may help
 * (429, 5xx, timeouts, connection errors, a 200 whose body is no page) or not (another 4xx, no rate
 * budget); {@link #retryAfter()} how long the server asked to be left alone, if it did.
 */
public final class UpstreamException extends RuntimeException {

  private final boolean retryable;
  private final Duration retryAfter;

  private UpstreamException(
      String message, boolean retryable, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  static UpstreamException retryable(String message, Throwable cause) {
    return new UpstreamException(message, true, null, cause);
  }

  /** A 429: retryable, not before {@code retryAfter} (when the server said). */
  static UpstreamException retryableAfter(String message, Optional<Duration> retryAfter) {
    return new UpstreamException(message, true, retryAfter.orElse(null), null);
  }

  static UpstreamException permanent(String message, Throwable cause) {
    return new UpstreamException(message, false, null, cause);
  }

  public boolean retryable() {
    return retryable;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
