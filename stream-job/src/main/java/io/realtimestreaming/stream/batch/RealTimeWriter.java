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
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.ForeachWriter;
import org.apache.spark.sql.Row;

/**
 * The job's sink in real-time mode: one task per Kafka partition runs for the whole of a long
 * batch, and each record is written as it arrives instead of a micro-batch later. Each record is
 * decoded, a poison record goes to the DLQ, a user is upserted at its version ({@link
 * CassandraUserWriter}, the same writes as {@link PartitionWriter}'s), and the run ledger records
 * it as landed once Cassandra acknowledges the write, and a dead letter once Kafka acknowledges it
 * ({@link LedgerFlusher}, within milliseconds).
 *
 * <p>On close, the task waits for every write and ledger entry; if anything failed it throws, the
 * batch fails, and Spark runs it again from the checkpoint: the upserts and the ledger rows are
 * safe to repeat. Without micro-batches there is no chunk to keep the newest record of a user in;
 * the writes' timestamps (the versions) still let the newest win.
 */
public final class RealTimeWriter extends ForeachWriter<Row> {

  private final String registryUrl;
  private final CassandraTarget cassandra;
  private final DeadLetterTarget deadLetters;
  private transient UserRecordDecoder decoder;
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
    CqlSession session = CassandraSessions.forTarget(cassandra);
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
      // Poison records are rare: wait for this one's acknowledgement so that its run counts it
      // now, not when the long batch ends.
      DeadLetter letter = DeadLetter.of(record, rejected);
      publisher.publish(letter);
      publisher.flush();
      PartitionWriter.deadLettered(List.of(letter)).forEach(ledger::add);
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
        LedgerFlusher ledgered = ledger) {
      users.awaitAll();
    }
  }
}
