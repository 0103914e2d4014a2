package io.realtimestreaming.devstack.demo;

import io.realtimestreaming.model.ingest.RunReport;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tells which stage of a run has work waiting but has not moved for longer than the stall timeout:
 * users to fetch while the run is RUNNING, stored events not yet published or parked, published
 * events not yet landed or dead-lettered. A stage that moves, or has nothing waiting, resets.
 */
final class StallWatch {

  private final Duration stallTimeout;
  private final Map<Stage, Long> lastCount = new EnumMap<>(Stage.class);
  private final Map<Stage, Instant> lastMove = new EnumMap<>(Stage.class);

  StallWatch(Duration stallTimeout) {
    this.stallTimeout = stallTimeout;
  }

  /** Looks at the run as reported at {@code now}; answers the first stage stuck, if any. */
  Optional<Stage> stuck(RunReport run, Instant now) {
    Stage stuck = null;
    for (Stage stage : Stage.values()) {
      long done = done(run, stage);
      boolean waiting = waiting(run, stage);
      Long before = lastCount.put(stage, done);
      if (!waiting || before == null || done != before) {
        lastMove.put(stage, now);
      } else if (stuck == null
          && Duration.between(lastMove.get(stage), now).compareTo(stallTimeout) > 0) {
        stuck = stage;
      }
    }
    return Optional.ofNullable(stuck);
  }

  /** How long the stage has not moved. */
  Duration stalledFor(Stage stage, Instant now) {
    return Duration.between(lastMove.getOrDefault(stage, now), now);
  }

  private static long done(RunReport run, Stage stage) {
    return switch (stage) {
      case INGESTING -> run.fetched();
      case PUBLISHING -> run.published() + run.parked();
      case LANDING -> run.landed() + run.deadLettered();
    };
  }

  private static boolean waiting(RunReport run, Stage stage) {
    return switch (stage) {
      case INGESTING -> !run.finished();
      case PUBLISHING -> run.published() + run.parked() < run.stored();
      case LANDING -> run.landed() + run.deadLettered() < run.published();
    };
  }
}
