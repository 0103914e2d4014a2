package io.realtimestreaming.stream.batch;

import io.realtimestreaming.stream.health.JobStatus;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line per batch of one query run (a micro-batch, or a real-time mode's long batch): batch
 * id, input rows, rows/s, duration (and where it went: writing, checkpointing, fetching offsets,
 * planning), rows written, dead letters. Registered before the query starts; it adopts the first
 * run of its query name that starts, so that a restarted query in the same session gets a log of
 * its own.
 */
public final class BatchProgressLog extends StreamingQueryListener {

  private static final Logger LOG = LoggerFactory.getLogger(BatchProgressLog.class);

  private final String queryName;
  private final BatchOutcomes outcomes;
  private final JobStatus status;
  private volatile UUID runId;

  public BatchProgressLog(String queryName, BatchOutcomes outcomes, JobStatus status) {
    this.queryName = queryName;
    this.outcomes = outcomes;
    this.status = status;
  }

  @Override
  public void onQueryStarted(QueryStartedEvent event) {
    if (runId == null && queryName.equals(event.name())) {
      runId = event.runId();
      LOG.info("query {} started: id {}, run {}", queryName, event.id(), event.runId());
    }
  }

  @Override
  public void onQueryProgress(QueryProgressEvent event) {
    StreamingQueryProgress p = event.progress();
    if (!p.runId().equals(runId)) {
      return;
    }
    // progress without a batch of ours (an idle trigger) has no outcome and no line
    status.batchCommitted(p.batchId());
    Optional<BatchOutcome> outcome = outcomes.take(p.batchId());
    if (outcome.isPresent()) {
      LOG.info(
          "{}, {} rows written, {} to DLQ, {} superseded",
          timing(p),
          outcome.get().rowsWritten(),
          outcome.get().deadLettered(),
          outcome.get().superseded());
    } else if (p.numInputRows() > 0) {
      // a real-time batch: its writer lands each record as it comes and counts it in the run
      // ledger, not in an outcome for the driver
      LOG.info("{} (real-time)", timing(p));
    }
  }

  /** The batch's id, rows, rate and where its time went, as Spark reports them. */
  private static String timing(StreamingQueryProgress p) {
    return String.format(
        Locale.ROOT,
        "batch %d: %d input rows, %d rows/s, %d ms (%d ms writing, %d ms checkpoint, %d ms offsets,"
            + " %d ms planning)",
        p.batchId(),
        p.numInputRows(),
        Math.round(p.processedRowsPerSecond()),
        p.batchDuration(),
        phase(p, "addBatch"),
        phase(p, "walCommit") + phase(p, "commitOffsets"),
        phase(p, "latestOffset") + phase(p, "getBatch"),
        phase(p, "queryPlanning"));
  }

  /** Milliseconds Spark reports for one phase of the batch, 0 if it reports none. */
  private static long phase(StreamingQueryProgress p, String name) {
    Long millis = p.durationMs().get(name);
    return millis == null ? 0 : millis;
  }

  @Override
  public void onQueryIdle(QueryIdleEvent event) {}

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {
    if (event.runId().equals(runId)) {
      if (event.exception().isDefined()) {
        LOG.error("query {} run {} failed: {}", queryName, runId, event.exception().get());
      } else {
        LOG.info("query {} run {} stopped", queryName, runId);
      }
    }
  }
}
