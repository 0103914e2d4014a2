package io.realtimestreaming.ingest.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the relay last moved the outbox forward (a batch committed, or nothing was waiting), and the
 * failure that stops it if one does: what health and metrics read. Thread-safe.
 */
final class RelayProgress {

  private final Clock clock;
  private volatile Instant lastAdvance;
  private volatile String lastFailure;

  RelayProgress(Clock clock) {
    this.clock = clock;
    this.lastAdvance = clock.instant();
  }

  void advanced() {
    lastAdvance = clock.instant();
    lastFailure = null;
  }

  void failed(String failure) {
    lastFailure = failure;
  }

  /** How long since the relay last moved the outbox forward. */
  Duration sinceAdvance() {
    return Duration.between(lastAdvance, clock.instant());
  }

  Optional<String> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }
}
