package io.realtimestreaming.stream.batch;

import com.datastax.oss.driver.api.core.CqlSession;
import io.realtimestreaming.model.User;
import io.realtimestreaming.stream.decode.Decoded;
import io.realtimestreaming.stream.decode.KafkaRecord;
import io.realtimestreaming.stream.decode.UserRecordDecoder;
import io.realtimestreaming.stream.dlq.DeadLetter;
import io.realtimestreaming.stream.dlq.DeadLetterPublisher;
import io.realtimestreaming.stream.settings.CassandraTarget;
import io.realtimestreaming.stream.settings.DeadLetterTarget;
import io.realtimestreaming.stream.sink.CassandraSessions;
import io.realtimestreaming.stream.sink.CassandraUserWriter;
import io.realtimestreaming.stream.sink.LedgerEntry;
import io.realtimestreaming.stream.sink.RunLedgerWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;

/**
 * One task's share of a batch (one Kafka partition's offset range): each record decoded, poison
 * records to the DLQ, users upserted into Cassandra at their versions, and then what became of each
 * event written to its run's ledger. The task returns only when all of it is acknowledged; if
 * anything fails it throws, and the batch fails.
 *
 * <p>Records are decoded here, from the Kafka source's rows ({@link KafkaRecord#columns()}), rather
 * than in a Spark stage of their own: a stage would turn every decoded user into Spark's internal
 * row format and back, which cost more CPU than the decoding itself.
 *
 * <p>Users are written chunk by chunk while the partition is still being read, so that decoding and
 * Cassandra's work overlap instead of taking turns. Within a chunk only the newest record of each
 * user is written; every write carries its version as its timestamp, so each user's row ends with
 * the newest version it was ever sent, whatever order writes arrive in. An event without a version
 * (written before versions existed) takes its Kafka timestamp, in microseconds.
 *
 * <p>The ledger counts every valid record as landed, superseded ones included (the row holds their
 * version or a newer one), and every dead letter it can attribute to a run (by the event's run
 * header and key, or the decoded user). Its rows' {@code recorded_at} is when the task had every
 * write they record acknowledged.
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
    CqlSession session = CassandraSessions.forTarget(cassandra);
    Instant now = Instant.now();
    CassandraUserWriter users = new CassandraUserWriter(session, cassandra, now);
    List<LedgerEntry> ledger = new ArrayList<>();
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
        User user = versioned(((Decoded.Valid) decoded).user(), record);
        chunk.offer(record.at(), user);
        ledger.add(LedgerEntry.landed(user.ingestionRunId(), user.id(), user.version()));
        if (chunk.size() == CHUNK) {
          superseded += chunk.superseded();
          chunk.users().forEach(users::write);
          chunk = new LatestPerUser();
        }
      }
      superseded += chunk.superseded();
      chunk.users().forEach(users::write);
      long written = users.awaitAll();
      List<DeadLetter> letters = publisher.flush();
      ledger.addAll(deadLettered(letters));
      if (!ledger.isEmpty()) {
        // stamped now that every write it records is acknowledged: by this instant each row it
        // counts as landed can be read (the end-to-end latency is measured up to it)
        new RunLedgerWriter(session, cassandra, Instant.now()).writeAll(ledger);
      }
      counters.add(written, letters.size(), superseded);
    }
  }

  /** The ledger's entries of the dead letters it can attribute to a run. */
  static List<LedgerEntry> deadLettered(List<DeadLetter> letters) {
    List<LedgerEntry> entries = new ArrayList<>();
    for (DeadLetter letter : letters) {
      if (letter.attributable()) {
        entries.add(
            LedgerEntry.deadLettered(
                letter.runId(),
                letter.userId(),
                letter.version() == null ? User.UNVERSIONED : letter.version(),
                letter.reason()));
      }
    }
    return entries;
  }

  /** The user at its version, or, for an event from before versions, at its Kafka timestamp. */
  static User versioned(User user, KafkaRecord record) {
    return user.version() != User.UNVERSIONED
        ? user
        : user.withVersion(Math.multiplyExact(record.at().timestampMs(), 1000L));
  }
}
