package io.realtimestreaming.model.avro;

import io.realtimestreaming.model.User;
import io.realtimestreaming.model.UserContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;

/**
 * The Avro {@code User} schema ({@code src/main/avro/user.avsc}, on the classpath as {@value
 * #SCHEMA_RESOURCE}) and the conversion between {@link User} and its Avro binary form.
 *
 * <p>Generic records rather than generated classes: the mapping is sixteen fields, and one
 * hand-written conversion keeps the schema file the only source of truth.
 *
 * <p>Reading always resolves the writer's schema (from the registry, by the id in the message)
 * against this reader schema, so records written before or after a BACKWARD-compatible change still
 * decode. Avro caches the resolution per (writer, reader) pair, so pass the same writer {@link
 * Schema} instance each time (the registry client's cache does).
 */
public final class UserAvro {

  /** Classpath location of {@code user.avsc}. */
  public static final String SCHEMA_RESOURCE = "/avro/user.avsc";

  // Immutable once parsed: the one piece of static state, shared by every thread.
  private static final Schema SCHEMA = load();

  private UserAvro() {}

  /** The current (reader) schema. */
  public static Schema schema() {
    return SCHEMA;
  }

  public static GenericRecord toRecord(User user) {
    GenericRecord record = new GenericData.Record(SCHEMA);
    record.put("id", user.id().toString());
    record.put("first_name", user.firstName());
    record.put("last_name", user.lastName());
    record.put("gender", user.gender());
    record.put("address", user.address());
    record.put("post_code", user.postCode());
    record.put("email", user.email());
    record.put("username", user.username());
    record.put("dob", user.dob().toEpochMilli());
    record.put("registered_date", user.registeredDate().toEpochMilli());
    record.put("phone", user.phone());
    record.put("picture", user.picture());
    record.put("nationality", user.nationality());
    record.put("ingestion_run_id", user.ingestionRunId().toString());
    record.put("ingested_at", user.ingestedAt().toEpochMilli());
    record.put("version", user.version());
    return record;
  }

  /**
   * Converts a record of the current schema back to a {@link User}.
   *
   * @throws AvroRuntimeException if a required field is missing or a UUID does not parse
   */
  public static User fromRecord(GenericRecord record) {
    try {
      return new User(
          uuid(record, "id"),
          string(record, "first_name"),
          string(record, "last_name"),
          string(record, "gender"),
          string(record, "address"),
          string(record, "post_code"),
          string(record, "email"),
          string(record, "username"),
          instant(record, "dob"),
          instant(record, "registered_date"),
          string(record, "phone"),
          string(record, "picture"),
          string(record, "nationality"),
          uuid(record, "ingestion_run_id"),
          instant(record, "ingested_at"),
          (Long) record.get("version"));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new AvroRuntimeException("Avro User record is not a valid user: " + e.getMessage(), e);
    }
  }

  public static byte[] toAvroBinary(User user) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    try {
      write(user, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write an in-memory Avro buffer", e);
    }
    return out.toByteArray();
  }

  /**
   * Writes the user as Avro binary of the current schema: exactly the bytes {@code
   * GenericDatumWriter} writes for {@link #toRecord} (UserAvroTests compares them), field by field
   * in the schema's order, optional fields as the union {@code ["null", "string"]}.
   *
   * <p>Written out rather than through {@code GenericDatumWriter}, which looks every field and
   * union branch up by name for every record: a cost every event the relay sends would pay (figures
   * in docs/benchmarks.md, Ingest).
   */
  public static void write(User user, Encoder out) throws IOException {
    writeString(out, user.id().toString());
    writeString(out, user.firstName());
    writeString(out, user.lastName());
    writeOptional(out, user.gender());
    writeOptional(out, user.address());
    writeOptional(out, user.postCode());
    writeString(out, user.email());
    writeString(out, user.username());
    out.writeLong(user.dob().toEpochMilli());
    out.writeLong(user.registeredDate().toEpochMilli());
    writeOptional(out, user.phone());
    writeOptional(out, user.picture());
    writeOptional(out, user.nationality());
    writeString(out, user.ingestionRunId().toString());
    out.writeLong(user.ingestedAt().toEpochMilli());
    out.writeLong(user.version());
  }

  private static void writeOptional(Encoder out, String value) throws IOException {
    if (value == null) {
      out.writeIndex(0);
    } else {
      out.writeIndex(1);
      writeString(out, value);
    }
  }

  /**
   * An Avro string is its UTF-8 length then its UTF-8 bytes, which is also how {@code bytes} are
   * written; {@code String.getBytes} encodes in bulk where Avro's {@code writeString} copies char
   * by char (the hottest method of the ingest service before this).
   */
  private static void writeString(Encoder out, String value) throws IOException {
    out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes Avro binary written with {@code writerSchema} into a {@link User}, resolving it against
   * the current schema (fields the writer added are skipped, fields it lacked take their defaults).
   *
   * @throws AvroRuntimeException if the payload is truncated or corrupt, the writer schema cannot
   *     be resolved against the current one, or the record is not a valid user
   */
  public static User fromAvroBinary(byte[] payload, Schema writerSchema) {
    return new Reader(writerSchema).read(payload);
  }

  /**
   * Decodes payloads written with one writer schema. Keep one per writer schema for many records:
   * Avro builds its resolving reader per {@code GenericDatumReader} instance, which costs more than
   * decoding a record. Not thread-safe (it reuses its decoder).
   */
  public static final class Reader {

    private final GenericDatumReader<GenericRecord> reader;
    private BinaryDecoder decoder;

    public Reader(Schema writerSchema) {
      this.reader = new GenericDatumReader<>(writerSchema, SCHEMA);
    }

    /**
     * @throws AvroRuntimeException as {@link #fromAvroBinary}
     */
    public User read(byte[] payload) {
      decoder = DecoderFactory.get().binaryDecoder(payload, decoder);
      GenericRecord record;
      try {
        record = reader.read(null, decoder);
      } catch (IOException e) {
        throw new AvroRuntimeException(
            "cannot decode a User from " + payload.length + " bytes of Avro binary: " + e, e);
      }
      return fromRecord(record);
    }
  }

  private static String string(GenericRecord record, String field) {
    Object value = record.get(field);
    return value == null ? null : value.toString(); // Avro hands strings over as Utf8
  }

  private static UUID uuid(GenericRecord record, String field) {
    String value = string(record, field);
    return value == null ? null : UserContract.canonicalUuid(value);
  }

  private static Instant instant(GenericRecord record, String field) {
    Object value = record.get(field);
    return value == null ? null : Instant.ofEpochMilli((Long) value);
  }

  private static Schema load() {
    try (InputStream in = UserAvro.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            SCHEMA_RESOURCE + " is not on the classpath: is the common-model jar complete?");
      }
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
    }
  }
}
