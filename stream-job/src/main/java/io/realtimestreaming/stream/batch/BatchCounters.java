package io.realtimestreaming.stream.batch;

import java.io.Serializable;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Counts what the tasks of a batch did. Accumulators updated inside an action (here {@code
 * foreachPartition}) count each successful task once, even when Spark re-runs failed ones. Batches
 * run one at a time, so one set is reset and read per batch.
 */
final class BatchCounters implements Serializable {

  private final LongAccumulator written;
  private final LongAccumulator deadLettered;
  private final LongAccumulator superseded;

  BatchCounters(SparkContext spark, String queryName) {
    written = spark.longAccumulator(queryName + ".rowsWritten");
    deadLettered = spark.longAccumulator(queryName + ".deadLettered");
    superseded = spark.longAccumulator(queryName + ".superseded");
  }

  /** On an executor, when a task has written its partition. */
  void add(long rowsWritten, long deadLetters, long supersededRecords) {
    written.add(rowsWritten);
    deadLettered.add(deadLetters);
    superseded.add(supersededRecords);
  }

  /** On the driver, before a batch. */
  void reset() {
    written.reset();
    deadLettered.reset();
    superseded.reset();
  }

  /** On the driver, after a batch. */
  BatchOutcome outcome(long batchId) {
    return new BatchOutcome(batchId, written.sum(), deadLettered.sum(), superseded.sum());
  }
}
