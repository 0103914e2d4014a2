package io.realtimestreaming.devstack.demo;

import com.datastax.oss.driver.api.core.CqlSession;
import io.realtimestreaming.devstack.cql.CqlSessions;
import io.realtimestreaming.devstack.cql.CqlTablePrinter;
import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.model.ingest.IngestApiException;
import io.realtimestreaming.model.ingest.IngestClient;
import io.realtimestreaming.model.ingest.RunReport;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One ingestion through the whole pipeline, watched until the run has reconciled end to end: a
 * progress line a second, then the reconciliation and a few of the users as Cassandra holds them. A
 * stage that stops moving ends the demo with the stage, its service's last error and the log to
 * read; so does the overall timeout.
 */
public final class Demo {

  private final StackSettings settings;
  private final IngestClient api;
  private final ServiceDiagnosis diagnosis;
  private final PrintStream out;

  public Demo(StackSettings settings, String apiKey, PrintStream out) {
    this.settings = settings;
    this.api = new IngestClient(settings.ingestServiceUrl(), apiKey);
    this.diagnosis = new ServiceDiagnosis(settings);
    this.out = out;
  }

  /**
   * Answers true when the run ended with every identity holding (all its users landed or accounted
   * for) before {@code timeout}, and no stage stalled for {@code stallTimeout}.
   */
  public boolean run(int users, String seed, Duration timeout, Duration stallTimeout)
      throws InterruptedException {
    Instant begin = Instant.now();
    UUID runId;
    try {
      runId = api.start(users, seed);
    } catch (IngestApiException e) {
      out.println("the demo could not start a run: " + e.getMessage());
      return false;
    }
    out.printf("started ingestion run %s: %d users, seed '%s'%n", runId, users, seed);
    Instant deadline = begin.plus(timeout);
    StallWatch stalls = new StallWatch(stallTimeout);
    RunReport run = null;
    while (true) {
      Thread.sleep(1000);
      Instant now = Instant.now();
      try {
        run = api.run(runId);
      } catch (IngestApiException e) {
        out.println("  " + e.getMessage()); // passing (a restart, 503): keep watching
        if (now.isAfter(deadline)) {
          return timedOut(runId, timeout);
        }
        continue;
      }
      printProgress(begin, now, run);
      if (run.failed() || run.caughtUp()) {
        break;
      }
      Optional<Stage> stuck = stalls.stuck(run, now);
      if (stuck.isPresent()) {
        reportStall(run, stuck.get(), stalls.stalledFor(stuck.get(), now));
        return false;
      }
      if (now.isAfter(deadline)) {
        return timedOut(runId, timeout);
      }
    }
    printSummary(run, Duration.between(begin, Instant.now()));
    if (run.failed()) {
      out.println("the run FAILED: " + run.error());
      return false;
    }
    printSample(runId);
    return true;
  }

  private void printProgress(Instant begin, Instant now, RunReport run) {
    double seconds = Math.max(0.001, Duration.between(begin, now).toMillis() / 1000.0);
    out.printf(
        "[%5.1fs] %-9s fetched %6d/%d  rejected %5d  stored %6d  duplicates %5d  published %6d"
            + "  parked %3d  landed %6d  dead-lettered %3d  (%.0f users/s end to end)%n",
        seconds,
        run.status(),
        run.fetched(),
        run.requested(),
        run.rejected(),
        run.stored(),
        run.duplicates(),
        run.published(),
        run.parked(),
        run.landed(),
        run.deadLettered(),
        run.landed() / seconds);
  }

  private void printSummary(RunReport run, Duration took) {
    RunReport.Reconciliation r = run.reconciliation();
    out.printf("%nrun %s %s after %.1f s%n", run.id(), run.status(), took.toMillis() / 1000.0);
    out.printf(
        "  requested %d, fetched %d = rejected %d + stored %d + duplicates %d%n",
        run.requested(), run.fetched(), run.rejected(), run.stored(), run.duplicates());
    if (r != null && !r.rejectedByReason().isEmpty()) {
      out.println("  rejected by reason: " + r.rejectedByReason());
    }
    out.printf(
        "  stored %d = published %d + parked %d%n", run.stored(), run.published(), run.parked());
    out.printf(
        "  published %d = landed %d + dead-lettered %d%n",
        run.published(), run.landed(), run.deadLettered());
    if (r != null && !r.caughtUp()) {
      out.println("  still pending: " + r.pending());
    }
  }

  /** A few of the run's users, read from Cassandra by id. */
  private void printSample(UUID runId) {
    List<UUID> ids = api.userIds(runId, 5);
    if (ids.isEmpty()) {
      return;
    }
    out.println();
    try (CqlSession session = CqlSessions.open(settings)) {
      CqlTablePrinter.print(
          session.execute(
              session
                  .prepare(
                      "SELECT id, first_name, last_name, email, nationality, version, processed_at"
                          + " FROM spark_streams.created_users WHERE id IN ?")
                  .bind(ids)),
          out);
    }
    out.printf(
        "%nquery more:  ./pipeline cql \"SELECT outcome, recorded_at, user_ids FROM"
            + " spark_streams.run_outcomes WHERE ingestion_run_id = %s\"%n",
        runId);
  }

  private void reportStall(RunReport run, Stage stage, Duration stalled) {
    out.printf(
        "%nthe run is stuck %s: nothing moved for %d s (%s)%n",
        stage.doing(), stalled.toSeconds(), pendingOf(run));
    settings.topology().instancesOf(stage.service()).forEach(s -> out.println(diagnosis.of(s)));
  }

  private boolean timedOut(UUID runId, Duration timeout) {
    out.printf(
        "%nrun %s did not reconcile within %d s (--timeout); ./pipeline status shows the"
            + " services, ./pipeline logs <service> their logs%n",
        runId, timeout.toSeconds());
    return false;
  }

  private static String pendingOf(RunReport run) {
    return run.reconciliation() == null
        ? "no reconciliation"
        : "pending: " + run.reconciliation().pending();
  }
}
