package io.realtimestreaming.stream.decode;

import io.realtimestreaming.model.User;
import java.time.Instant;
import java.util.UUID;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of the decoded stream: where the record came from, then either the user's columns
 * (named as in Cassandra) or the reason it was rejected with its original key and value. Timestamps
 * are epoch milliseconds, as in Avro and Cassandra.
 */
public final class DecodedRows {

  public static final StructType SCHEMA =
      new StructType()
          .add("source_topic", DataTypes.StringType, false)
          .add("source_partition", DataTypes.IntegerType, false)
          .add("source_offset", DataTypes.LongType, false)
          .add("source_timestamp", DataTypes.LongType, false)
          .add("reject_reason", DataTypes.StringType, true)
          .add("reject_detail", DataTypes.StringType, true)
          .add("key", DataTypes.BinaryType, true)
          .add("value", DataTypes.BinaryType, true)
          .add("id", DataTypes.StringType, true)
          .add("first_name", DataTypes.StringType, true)
          .add("last_name", DataTypes.StringType, true)
          .add("gender", DataTypes.StringType, true)
          .add("address", DataTypes.StringType, true)
          .add("post_code", DataTypes.StringType, true)
          .add("email", DataTypes.StringType, true)
          .add("username", DataTypes.StringType, true)
          .add("dob", DataTypes.LongType, true)
          .add("registered_date", DataTypes.LongType, true)
          .add("phone", DataTypes.StringType, true)
          .add("picture", DataTypes.StringType, true)
          .add("nationality", DataTypes.StringType, true)
          .add("ingestion_run_id", DataTypes.StringType, true)
          .add("ingested_at", DataTypes.LongType, true);

  public static final Encoder<Row> ENCODER = Encoders.row(SCHEMA);

  private static final int REASON = 4;
  private static final int USER = 8;

  private DecodedRows() {}

  static Row valid(SourcePosition at, User u) {
    return RowFactory.create(
        at.topic(), at.partition(), at.offset(), at.timestampMs(), null, null, null, null,
        u.id().toString(), u.firstName(), u.lastName(), u.gender(), u.address(), u.postCode(),
        u.email(), u.username(), u.dob().toEpochMilli(), u.registeredDate().toEpochMilli(),
        u.phone(), u.picture(), u.nationality(), u.ingestionRunId().toString(),
        u.ingestedAt().toEpochMilli());
  }

  static Row rejected(SourcePosition at, byte[] key, byte[] value, Decoded.Rejected why) {
    Object[] columns = new Object[SCHEMA.size()];
    columns[0] = at.topic();
    columns[1] = at.partition();
    columns[2] = at.offset();
    columns[3] = at.timestampMs();
    columns[REASON] = why.reason().header();
    columns[REASON + 1] = why.detail();
    columns[REASON + 2] = key;
    columns[REASON + 3] = value;
    return RowFactory.create(columns);
  }

  public static SourcePosition position(Row row) {
    return new SourcePosition(row.getString(0), row.getInt(1), row.getLong(2), row.getLong(3));
  }

  public static boolean isRejected(Row row) {
    return !row.isNullAt(REASON);
  }

  /** {@code dlq.reason} of a rejected row. */
  public static String reason(Row row) {
    return row.getString(REASON);
  }

  public static String detail(Row row) {
    return row.getString(REASON + 1);
  }

  public static byte[] key(Row row) {
    return row.isNullAt(REASON + 2) ? null : (byte[]) row.get(REASON + 2);
  }

  public static byte[] value(Row row) {
    return row.isNullAt(REASON + 3) ? null : (byte[]) row.get(REASON + 3);
  }

  public static User user(Row row) {
    int i = USER;
    return new User(
        UUID.fromString(row.getString(i)),
        row.getString(i + 1),
        row.getString(i + 2),
        row.getString(i + 3),
        row.getString(i + 4),
        row.getString(i + 5),
        row.getString(i + 6),
        row.getString(i + 7),
        Instant.ofEpochMilli(row.getLong(i + 8)),
        Instant.ofEpochMilli(row.getLong(i + 9)),
        row.getString(i + 10),
        row.getString(i + 11),
        row.getString(i + 12),
        UUID.fromString(row.getString(i + 13)),
        Instant.ofEpochMilli(row.getLong(i + 14)));
  }
}
