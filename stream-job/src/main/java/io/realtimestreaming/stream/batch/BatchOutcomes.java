package io.realtimestreaming.stream.batch;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Hands each batch's outcome from the sink (which runs the batch) to the progress log (which Spark
 * calls once the batch is committed), on the driver.
 */
public final class BatchOutcomes {

  private final ConcurrentMap<Long, BatchOutcome> byBatch = new ConcurrentHashMap<>();

  void record(BatchOutcome outcome) {
    byBatch.put(outcome.batchId(), outcome);
  }

  /** The outcome of a batch this sink ran, once; empty for batches it did not run. */
  Optional<BatchOutcome> take(long batchId) {
    return Optional.ofNullable(byBatch.remove(batchId));
  }
}
