package io.realtimestreaming.ingest;

import static org.awaitility.Awaitility.await;

import io.realtimestreaming.model.ingest.IngestClient;
import io.realtimestreaming.model.ingest.RunReport;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

/** Waits for a run through the ingest API, as the Airflow DAG does. */
public final class AwaitRun {

  private AwaitRun() {}

  /** The run once it has ended. */
  public static RunReport ended(IngestClient api, UUID run, Duration timeout) {
    return until(api, run, timeout, RunReport::finished);
  }

  /**
   * The run once it has ended and, if it succeeded, every user it stored is published or parked.
   */
  public static RunReport published(IngestClient api, UUID run, Duration timeout) {
    return until(
        api,
        run,
        timeout,
        r -> r.failed() || (r.finished() && r.published() + r.parked() == r.stored()));
  }

  private static RunReport until(
      IngestClient api, UUID run, Duration timeout, Predicate<RunReport> done) {
    return await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> api.run(run), done);
  }
}
