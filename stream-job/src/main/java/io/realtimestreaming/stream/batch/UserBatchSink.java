package io.realtimestreaming.stream.batch;

import io.realtimestreaming.stream.settings.CassandraTarget;
import io.realtimestreaming.stream.settings.DeadLetterTarget;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The job's {@code foreachBatch} sink: runs a {@link PartitionWriter} on every partition of the
 * micro-batch's Kafka records, in one pass (decode, dead letters, upserts, no shuffle). If any task
 * fails the batch throws, the checkpoint does not advance, and Spark runs the batch again: upserts
 * and dead letters are safe to repeat.
 */
public final class UserBatchSink implements VoidFunction2<Dataset<Row>, Long> {

  private final PartitionWriter writer;
  private final BatchCounters counters;
  private final BatchOutcomes outcomes;

  public UserBatchSink(
      SparkSession spark,
      String queryName,
      String registryUrl,
      CassandraTarget cassandra,
      DeadLetterTarget deadLetters,
      BatchOutcomes outcomes) {
    this.counters = new BatchCounters(spark.sparkContext(), queryName);
    this.writer = new PartitionWriter(registryUrl, cassandra, deadLetters, counters);
    this.outcomes = outcomes;
  }

  @Override
  public void call(Dataset<Row> batch, Long batchId) {
    counters.reset();
    batch.foreachPartition(writer);
    outcomes.record(counters.outcome(batchId));
  }
}
