package io.realtimestreaming.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.model.ingest.RunReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StallWatchTests {

  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
  private final StallWatch watch = new StallWatch(Duration.ofSeconds(60));

  @Test
  void aStageThatMovesIsNeverStuck() {
    for (int s = 0; s <= 300; s += 10) {
      assertThat(watch.stuck(run("SUCCEEDED", 1000, 1000, s * 3L), T0.plusSeconds(s))).isEmpty();
    }
  }

  @Test
  void publishedButNothingLandingForTheStallTimeoutIsLandingStuck() {
    assertThat(watch.stuck(run("SUCCEEDED", 1000, 1000, 0), T0)).isEmpty();
    assertThat(watch.stuck(run("SUCCEEDED", 1000, 1000, 0), T0.plusSeconds(60))).isEmpty();

    assertThat(watch.stuck(run("SUCCEEDED", 1000, 1000, 0), T0.plusSeconds(61)))
        .contains(Stage.LANDING);
    assertThat(watch.stalledFor(Stage.LANDING, T0.plusSeconds(61))).hasSeconds(61);
  }

  @Test
  void storedButNothingPublishedIsPublishingStuck() {
    watch.stuck(run("SUCCEEDED", 1000, 0, 0), T0);

    assertThat(watch.stuck(run("SUCCEEDED", 1000, 0, 0), T0.plusSeconds(90)))
        .contains(Stage.PUBLISHING);
  }

  @Test
  void aStageWithNothingWaitingIsNotStuck() {
    watch.stuck(run("SUCCEEDED", 1000, 1000, 1000), T0);

    assertThat(watch.stuck(run("SUCCEEDED", 1000, 1000, 1000), T0.plusSeconds(600))).isEmpty();
  }

  private static RunReport run(String status, int stored, int published, long landed) {
    return new RunReport(
        UUID.randomUUID(),
        status,
        stored,
        stored,
        stored,
        0,
        0,
        published,
        0,
        null,
        new RunReport.Reconciliation(Map.of(), landed, 0L, List.of(), null, false));
  }
}
