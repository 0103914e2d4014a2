package io.realtimestreaming.stream.batch;

import io.realtimestreaming.stream.decode.DecodedRows;
import io.realtimestreaming.stream.dlq.DeadLetter;
import io.realtimestreaming.stream.dlq.DeadLetterPublisher;
import io.realtimestreaming.stream.dlq.DeadLetterTarget;
import io.realtimestreaming.stream.sink.CassandraSessions;
import io.realtimestreaming.stream.sink.CassandraTarget;
import io.realtimestreaming.stream.sink.CassandraUserWriter;
import java.time.Instant;
import java.util.Iterator;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;

/**
 * One task's share of a batch (one Kafka partition's offset range): poison records to the DLQ,
 * users upserted into Cassandra. The task returns only when both are acknowledged; if either
 * fails it throws, and the batch fails.
 *
 * <p>Users are written chunk by chunk while the partition is still being read, so that decoding
 * and Cassandra's work overlap instead of taking turns. Within a chunk only the latest record of
 * each user is written; chunks are written in offset order, and the session's increasing client
 * timestamps make a later chunk's write of a user win over an earlier one. So each user's row ends
 * with the values of its latest record in the batch. That holds for the batch as a whole because
 * the Kafka key is the user id: the producer puts every record of a user in one partition, which
 * Spark reads in one task.
 */
final class PartitionWriter implements ForeachPartitionFunction<Row> {

  /** Records per chunk: small enough to keep Cassandra busy from the start of the task. */
  static final int CHUNK = 2_000;

  private final CassandraTarget cassandra;
  private final DeadLetterTarget deadLetters;
  private final BatchCounters counters;

  PartitionWriter(CassandraTarget cassandra, DeadLetterTarget deadLetters, BatchCounters counters) {
    this.cassandra = cassandra;
    this.deadLetters = deadLetters;
    this.counters = counters;
  }

  @Override
  public void call(Iterator<Row> rows) {
    CassandraUserWriter users =
        new CassandraUserWriter(CassandraSessions.forTarget(cassandra), cassandra, Instant.now());
    LatestPerUser chunk = new LatestPerUser();
    long superseded = 0;
    try (DeadLetterPublisher publisher = new DeadLetterPublisher(deadLetters)) {
      while (rows.hasNext()) {
        Row row = rows.next();
        if (DecodedRows.isRejected(row)) {
          publisher.publish(
              new DeadLetter(
                  DecodedRows.position(row),
                  DecodedRows.key(row),
                  DecodedRows.value(row),
                  DecodedRows.reason(row),
                  DecodedRows.detail(row)));
          continue;
        }
        chunk.offer(DecodedRows.position(row), DecodedRows.user(row));
        if (chunk.size() == CHUNK) {
          superseded += chunk.superseded();
          chunk.users().forEach(users::write);
          chunk = new LatestPerUser();
        }
      }
      superseded += chunk.superseded();
      chunk.users().forEach(users::write);
      long written = users.awaitAll();
      long deadLettered = publisher.flush();
      counters.add(written, deadLettered, superseded);
    }
  }
}
