package io.realtimestreaming.ingest.run;

import java.time.Instant;
import java.util.List;

/** Runs and run errors for tests outside this package. */
public final class TestRuns {

  private TestRuns() {}

  public static IngestionRun running(int requested, String seed) {
    return IngestionRun.start(
        requested, seed, List.of(), "test-instance", Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** The launcher's refusal when the run queue is full. */
  public static RunCapacityExceededException capacityExceeded(String message) {
    return new RunCapacityExceededException(message, null);
  }
}
