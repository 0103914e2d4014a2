package io.realtimestreaming.stream.batch;

/**
 * What one micro-batch did, beyond what Spark's progress says.
 *
 * @param rowsWritten users upserted into Cassandra (after keeping the latest per user)
 * @param deadLettered poison records sent to the DLQ
 * @param superseded records dropped because a later record of the same user was in the batch
 */
public record BatchOutcome(long batchId, long rowsWritten, long deadLettered, long superseded) {}
