package io.realtimestreaming.stream.sink;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.ColumnDefinitions;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import io.realtimestreaming.model.User;
import io.realtimestreaming.stream.settings.CassandraTarget;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The prepared INSERT of one user row, {@code USING TIMESTAMP} the user's version. An INSERT in
 * Cassandra is an upsert, and of two writes of a row the one with the greater timestamp wins, in
 * whatever order they arrive: a replay of old events (a checkpoint reset, a DLQ re-drive, two
 * relays racing, an executor with a slow clock) never overwrites a newer version. Writing a user
 * again is idempotent, which lets the driver retry the statement.
 *
 * <p>Values are bound by index, encoded for each column's CQL type ({@link #CODECS}, checked
 * against the table when preparing), into one mutable builder: binding by value (the driver looks
 * up a codec per value) or through the immutable statement's setters (a copy per value) cost more
 * CPU per row than the rest of the client side of a write.
 */
final class UserUpsert {

  static final String COLUMNS =
      "id, first_name, last_name, gender, address, post_code, email, username, dob,"
          + " registered_date, phone, picture, nationality, ingestion_run_id, ingested_at,"
          + " processed_at, version";

  /** The codec of each column of {@link #COLUMNS}, in order: what the table must declare. */
  static final List<TypeCodec<?>> CODECS =
      List.of(
          TypeCodecs.UUID,
          TypeCodecs.TEXT,
          TypeCodecs.TEXT,
          TypeCodecs.TEXT,
          TypeCodecs.TEXT,
          TypeCodecs.TEXT,
          TypeCodecs.TEXT,
          TypeCodecs.TEXT,
          TypeCodecs.TIMESTAMP,
          TypeCodecs.TIMESTAMP,
          TypeCodecs.TEXT,
          TypeCodecs.TEXT,
          TypeCodecs.TEXT,
          TypeCodecs.UUID,
          TypeCodecs.TIMESTAMP,
          TypeCodecs.TIMESTAMP,
          TypeCodecs.BIGINT);

  private final PreparedStatement prepared;
  private final ConsistencyLevel consistency;

  private UserUpsert(PreparedStatement prepared, ConsistencyLevel consistency) {
    this.prepared = prepared;
    this.consistency = consistency;
  }

  /**
   * Prepares the statement (the driver caches it per session, so this is cheap per task).
   *
   * @throws IllegalStateException if a column of the table has another type than schema.cql's: the
   *     codecs are chosen by the job, not looked up, so a mismatch must stop it here
   */
  static UserUpsert prepare(CqlSession session, CassandraTarget target) {
    PreparedStatement prepared = session.prepare(SimpleStatement.newInstance(cql(target)));
    ColumnDefinitions variables = prepared.getVariableDefinitions();
    for (int i = 0; i < CODECS.size(); i++) {
      DataType declared = variables.get(i).getType();
      if (!declared.equals(CODECS.get(i).getCqlType())) {
        throw new IllegalStateException(
            String.format(
                "column %s of %s is %s, the job writes %s: create the table from"
                    + " cassandra/schema.cql",
                variables.get(i).getName().asCql(true),
                target.qualifiedTable(),
                declared.asCql(false, true),
                CODECS.get(i).getCqlType().asCql(false, true)));
      }
    }
    return new UserUpsert(prepared, target.consistencyLevel());
  }

  static String cql(CassandraTarget target) {
    return "INSERT INTO "
        + target.qualifiedTable()
        + " ("
        + COLUMNS
        + ") VALUES ("
        + "?, ".repeat(CODECS.size() - 1)
        + "?) USING TIMESTAMP ?";
  }

  /**
   * @param version the user's version: the write's timestamp, so that a row only ever moves to a
   *     newer version, whatever order the writes arrive in
   */
  BoundStatement bind(User u, long version, Instant processedAt) {
    return prepared
        .boundStatementBuilder()
        .set(0, u.id(), TypeCodecs.UUID)
        .setBytesUnsafe(1, utf8(u.firstName()))
        .setBytesUnsafe(2, utf8(u.lastName()))
        .setBytesUnsafe(3, utf8(u.gender()))
        .setBytesUnsafe(4, utf8(u.address()))
        .setBytesUnsafe(5, utf8(u.postCode()))
        .setBytesUnsafe(6, utf8(u.email()))
        .setBytesUnsafe(7, utf8(u.username()))
        .set(8, u.dob(), TypeCodecs.TIMESTAMP)
        .set(9, u.registeredDate(), TypeCodecs.TIMESTAMP)
        .setBytesUnsafe(10, utf8(u.phone()))
        .setBytesUnsafe(11, utf8(u.picture()))
        .setBytesUnsafe(12, utf8(u.nationality()))
        .set(13, u.ingestionRunId(), TypeCodecs.UUID)
        .set(14, u.ingestedAt(), TypeCodecs.TIMESTAMP)
        .set(15, processedAt, TypeCodecs.TIMESTAMP)
        .set(16, version, TypeCodecs.BIGINT)
        .set(17, version, TypeCodecs.BIGINT)
        .setConsistencyLevel(consistency)
        .setIdempotence(true)
        .build();
  }

  /**
   * A text value as CQL sends it, its UTF-8 bytes: what {@code TypeCodecs.TEXT} writes, but through
   * {@code String.getBytes}, which encodes in bulk where the codec's {@code CharsetEncoder} goes
   * char by char (over half of the time binding a row took, in a profile of the benchmark).
   */
  private static ByteBuffer utf8(String value) {
    return value == null ? null : ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8));
  }
}
