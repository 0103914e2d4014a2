package io.realtimestreaming.stream.batch;

import io.realtimestreaming.stream.decode.Decoded;
import io.realtimestreaming.stream.decode.KafkaRecord;
import io.realtimestreaming.stream.decode.UserRecordDecoder;
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
 * One task's share of a batch (one Kafka partition's offset range): each record decoded, poison
 * records to the DLQ, users upserted into Cassandra. The task returns only when both are
 * acknowledged; if either fails it throws, and the batch fails.
 *
 * <p>Records are decoded here, from the Kafka source's rows ({@link KafkaRecord#columns()}), rather
 * than in a Spark stage of their own: a stage would turn every decoded user into Spark's internal
 * row format and back, which cost more CPU than the decoding itself.
 *
 * <p>Users are written chunk by chunk while the partition is still being read, so that decoding and
 * Cassandra's work overlap instead of taking turns. Within a chunk only the latest record of each
 * user is written; chunks are written in offset order, and the session's increasing client
 * timestamps make a later chunk's write of a user win over an earlier one. So each user's row ends
 * with the values of its latest record in the batch. That holds for the batch as a whole because
 * the Kafka key is the user id: the producer puts every record of a user in one partition, which
 * Spark reads in one task.
 */
final class PartitionWriter implements ForeachPartitionFunction<Row> {

  /** Records per chunk: small enough to keep Cassandra busy from the start of the task. */
  static final int CHUNK = 2_000;

  private final String registryUrl;
  private final CassandraTarget cassandra;
  private final DeadLetterTarget deadLetters;
  private final BatchCounters counters;

  PartitionWriter(
      String registryUrl,
      CassandraTarget cassandra,
      DeadLetterTarget deadLetters,
      BatchCounters counters) {
    this.registryUrl = registryUrl;
    this.cassandra = cassandra;
    this.deadLetters = deadLetters;
    this.counters = counters;
  }

  @Override
  public void call(Iterator<Row> rows) {
    UserRecordDecoder decoder = UserRecordDecoder.forRegistry(registryUrl);
    CassandraUserWriter users =
        new CassandraUserWriter(CassandraSessions.forTarget(cassandra), cassandra, Instant.now());
    LatestPerUser chunk = new LatestPerUser();
    long superseded = 0;
    try (DeadLetterPublisher publisher = new DeadLetterPublisher(deadLetters)) {
      while (rows.hasNext()) {
        KafkaRecord record = KafkaRecord.of(rows.next());
        Decoded decoded = decoder.decode(record.value());
        if (decoded instanceof Decoded.Rejected rejected) {
          publisher.publish(DeadLetter.of(record, rejected));
          continue;
        }
        chunk.offer(record.at(), ((Decoded.Valid) decoded).user());
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
