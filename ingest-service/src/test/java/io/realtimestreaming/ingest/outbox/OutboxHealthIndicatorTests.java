package io.realtimestreaming.ingest.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class OutboxHealthIndicatorTests {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
  private final OutboxStore store = mock(OutboxStore.class);
  private final RelayProgress progress = new RelayProgress(clock);
  private final OutboxHealthIndicator health =
      new OutboxHealthIndicator(store, progress, Duration.ofSeconds(30));

  @Test
  void upWhileTheRelayKeepsUp() {
    given(store.backlog()).willReturn(5000L);
    clock.advance(Duration.ofSeconds(29));

    assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void degradedWhenEventsWaitAndTheRelayHasNotMovedForTheStallTimeout() {
    given(store.backlog()).willReturn(12L);
    progress.failed("org.apache.kafka.common.errors.TimeoutException: broker away");
    clock.advance(Duration.ofSeconds(31));

    Health h = health.health(true);

    assertThat(h.getStatus()).isEqualTo(OutboxHealthIndicator.DEGRADED);
    assertThat(h.getDetails())
        .containsEntry("backlog", 12L)
        .containsEntry(
            "lastFailure", "org.apache.kafka.common.errors.TimeoutException: broker away");
  }

  @Test
  void anEmptyOutboxIsNeverStalledAndAnAdvanceClearsTheFailure() {
    given(store.backlog()).willReturn(0L);
    progress.failed("boom");
    clock.advance(Duration.ofHours(1));
    assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);

    progress.advanced();
    assertThat(health.health(true).getDetails()).doesNotContainKey("lastFailure");
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
