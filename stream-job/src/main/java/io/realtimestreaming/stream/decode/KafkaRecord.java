package io.realtimestreaming.stream.decode;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.unix_millis;

import io.realtimestreaming.model.wire.EventHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * One record of the Kafka source as the job reads it: where it sits, its original key and value
 * (the value to decode; both to dead-letter untouched), and what its headers say about it.
 *
 * @param key null when the producer sent none
 * @param runId the {@link EventHeaders#RUN_ID} header, or null
 * @param version the {@link EventHeaders#USER_VERSION} header, or null when absent or not a number
 */
public record KafkaRecord(SourcePosition at, byte[] key, byte[] value, String runId, Long version) {

  /**
   * The Kafka source's columns the job needs, in the order {@link #of(Row)} reads them (headers
   * need the source's {@code includeHeaders}). The timestamp comes as epoch milliseconds: a {@code
   * java.sql.Timestamp} per row would cost a calendar conversion for a number only compared.
   */
  public static Column[] columns() {
    return new Column[] {
      col("key"),
      col("value"),
      col("topic"),
      col("partition"),
      col("offset"),
      unix_millis(col("timestamp")),
      col("headers")
    };
  }

  /** Reads a row of {@link #columns()}. */
  public static KafkaRecord of(Row row) {
    String runId = null;
    Long version = null;
    if (!row.isNullAt(6)) {
      for (Row header : row.<Row>getList(6)) {
        String name = header.getString(0);
        if (EventHeaders.RUN_ID.equals(name)) {
          runId = text(header);
        } else if (EventHeaders.USER_VERSION.equals(name)) {
          version = number(text(header));
        }
      }
    }
    return new KafkaRecord(
        new SourcePosition(row.getString(2), row.getInt(3), row.getLong(4), row.getLong(5)),
        row.isNullAt(0) ? null : (byte[]) row.get(0),
        row.isNullAt(1) ? null : (byte[]) row.get(1),
        runId,
        version);
  }

  /** The key as text, as the ingest service writes it (the user id); null without a key. */
  public String keyText() {
    return key == null ? null : new String(key, StandardCharsets.UTF_8);
  }

  private static String text(Row header) {
    return header.isNullAt(1) ? null : new String((byte[]) header.get(1), StandardCharsets.UTF_8);
  }

  private static Long number(String text) {
    try {
      return text == null ? null : Long.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
