package io.realtimestreaming.stream.decode;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * The decode stage of the job: Kafka source rows ({@code key, value, topic, partition, offset,
 * timestamp}) in, {@link DecodedRows} out, one for one. Runs on the executors.
 */
public final class DecodePartition implements MapPartitionsFunction<Row, Row> {

  private final String registryUrl;

  public DecodePartition(String registryUrl) {
    this.registryUrl = registryUrl;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> records) {
    UserRecordDecoder decoder =
        new UserRecordDecoder(
            WriterSchemas.of(RegistryClients.forUrl(registryUrl)),
            new UserValidator(Clock.systemUTC()));
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public Row next() {
        Row record = records.next();
        byte[] value = record.getAs("value");
        SourcePosition at =
            new SourcePosition(
                record.getAs("topic"),
                record.<Integer>getAs("partition"),
                record.<Long>getAs("offset"),
                record.<Timestamp>getAs("timestamp").getTime());
        Decoded decoded = decoder.decode(value);
        return decoded instanceof Decoded.Valid valid
            ? DecodedRows.valid(at, valid.user())
            : DecodedRows.rejected(at, record.getAs("key"), value, (Decoded.Rejected) decoded);
      }
    };
  }
}
