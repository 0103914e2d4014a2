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
import io.realtimestreaming.stream.sink.LedgerFlusher;
import io.realtimestreaming.stream.sink.RunLedgerWriter;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.ForeachWriter;
import org.apache.spark.sql.Row;

/**
 * The job's sink in real-time mode: one task per Kafka partition runs for the whole of a long
 * batch, and each record is written as it arrives instead of a micro-batch later. Each record is
 * decoded, a poison record goes to the DLQ, a user is upserted at its version ({@link
 * CassandraUserWriter}, the same writes as {@link PartitionWriter}'s), and the run ledger records
 * it as landed once Cassandra acknowledges the write ({@link LedgerFlusher}, within milliseconds).
 *
 * <p>On close, the task waits for every write, dead letter and ledger entry; if anything failed it
 * throws, the batch fails, and Spark runs it again from the checkpoint: the upserts and the ledger
 * rows are safe to repeat. Without micro-batches there is no chunk to keep the newest record of a
 * user in; the writes' timestamps (the versions) still let the newest win.
 */
public final class RealTimeWriter extends ForeachWriter<Row> {

  private final String registryUrl;
  private final CassandraTarget cassandra;
  private final DeadLetterTarget deadLetters;
  private transient UserRecordDecoder decoder;
  private transient CqlSession session;
  private transient CassandraUserWriter users;
  private transient LedgerFlusher ledger;
  private transient DeadLetterPublisher publisher;

  public RealTimeWriter(
      String registryUrl, CassandraTarget cassandra, DeadLetterTarget deadLetters) {
    this.registryUrl = registryUrl;
    this.cassandra = cassandra;
    this.deadLetters = deadLetters;
  }

  @Override
  public boolean open(long partitionId, long epochId) {
    decoder = UserRecordDecoder.forRegistry(registryUrl);
    session = CassandraSessions.forTarget(cassandra);
    users = new CassandraUserWriter(session, cassandra, Instant.now());
    ledger = new LedgerFlusher(session, cassandra);
    publisher = new DeadLetterPublisher(deadLetters);
    return true;
  }

  @Override
  public void process(Row row) {
    KafkaRecord record = KafkaRecord.of(row);
    Decoded decoded = decoder.decode(record.value());
    if (decoded instanceof Decoded.Rejected rejected) {
      publisher.publish(DeadLetter.of(record, rejected));
      return;
    }
    User user = PartitionWriter.versioned(((Decoded.Valid) decoded).user(), record);
    LedgerEntry landed = LedgerEntry.landed(user.ingestionRunId(), user.id(), user.version());
    users.write(user, () -> ledger.add(landed));
  }

  @Override
  public void close(Throwable error) {
    if (users == null) {
      return; // never opened
    }
    try (DeadLetterPublisher letters = publisher;
        LedgerFlusher landed = ledger) {
      users.awaitAll();
      List<LedgerEntry> lettered = PartitionWriter.deadLettered(letters.flush());
      if (!lettered.isEmpty()) {
        new RunLedgerWriter(session, cassandra, Instant.now()).writeAll(lettered);
      }
    }
  }
}
