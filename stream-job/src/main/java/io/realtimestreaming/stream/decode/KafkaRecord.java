package io.realtimestreaming.stream.decode;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.unix_millis;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * One record of the Kafka source as the job reads it: where it sits, and its original key and value
 * (the value to decode; both to dead-letter untouched).
 *
 * @param key null when the producer sent none
 */
public record KafkaRecord(SourcePosition at, byte[] key, byte[] value) {

  /**
   * The Kafka source's columns the job needs, in the order {@link #of(Row)} reads them. The
   * timestamp comes as epoch milliseconds: a {@code java.sql.Timestamp} per row would cost a
   * calendar conversion for a number that is only ever compared.
   */
  public static Column[] columns() {
    return new Column[] {
      col("key"),
      col("value"),
      col("topic"),
      col("partition"),
      col("offset"),
      unix_millis(col("timestamp"))
    };
  }

  /** Reads a row of {@link #columns()}. */
  public static KafkaRecord of(Row row) {
    return new KafkaRecord(
        new SourcePosition(row.getString(2), row.getInt(3), row.getLong(4), row.getLong(5)),
        row.isNullAt(0) ? null : (byte[]) row.get(0),
        row.isNullAt(1) ? null : (byte[]) row.get(1));
  }
}
