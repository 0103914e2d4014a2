package io.realtimestreaming.ingest.outbox;

import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code outbox} in /actuator/health: {@code DEGRADED} when events wait and the relay has not moved
 * the outbox forward for {@code ingest.outbox.stall-timeout} (Kafka away, a failure the relay keeps
 * retrying), with the backlog and the relay's last failure; UP otherwise. The service still takes
 * and stores runs while degraded, so DEGRADED answers HTTP 200 (application.yml maps it).
 */
final class OutboxHealthIndicator extends AbstractHealthIndicator {

  /** The relay is stuck; the service otherwise works. */
  static final Status DEGRADED = new Status("DEGRADED", "the outbox relay is not advancing");

  private final OutboxStore store;
  private final RelayProgress progress;
  private final Duration stallTimeout;

  OutboxHealthIndicator(OutboxStore store, RelayProgress progress, Duration stallTimeout) {
    super("outbox health check failed");
    this.store = store;
    this.progress = progress;
    this.stallTimeout = stallTimeout;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    long backlog = store.backlog();
    Duration since = progress.sinceAdvance();
    builder
        .withDetail("backlog", backlog)
        .withDetail("parked", store.parkedCount())
        .withDetail("lastAdvanceSecondsAgo", since.toSeconds());
    progress.lastFailure().ifPresent(failure -> builder.withDetail("lastFailure", failure));
    if (backlog > 0 && since.compareTo(stallTimeout) > 0) {
      builder.status(DEGRADED);
    } else {
      builder.up();
    }
  }
}
