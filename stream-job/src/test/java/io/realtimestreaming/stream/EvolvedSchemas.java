package io.realtimestreaming.stream;

import io.realtimestreaming.model.User;
import io.realtimestreaming.model.avro.UserAvro;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/** Schemas a producer ahead of or behind the job might write with, both BACKWARD-compatible. */
public final class EvolvedSchemas {

  private EvolvedSchemas() {}

  /** The current schema plus an optional {@code middle_name}, as a newer producer would have. */
  public static Schema withMiddleName() {
    List<Schema.Field> fields = copyFields(UserAvro.schema());
    fields.add(
        new Schema.Field(
            "middle_name",
            Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
            "added later",
            Schema.Field.NULL_DEFAULT_VALUE));
    return record(fields);
  }

  /** The current schema without {@code nationality}, as an older producer would have. */
  public static Schema withoutNationality() {
    List<Schema.Field> fields = copyFields(UserAvro.schema());
    fields.removeIf(f -> f.name().equals("nationality"));
    return record(fields);
  }

  /**
   * Avro binary of {@code user} written with {@code schema} (extra fields set to {@code extra}).
   */
  public static byte[] write(User user, Schema schema, String extra) {
    GenericRecord current = UserAvro.toRecord(user);
    GenericRecord record = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      record.put(
          field.name(),
          UserAvro.schema().getField(field.name()) != null ? current.get(field.name()) : extra);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static List<Schema.Field> copyFields(Schema schema) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : schema.getFields()) {
      fields.add(new Schema.Field(f, f.schema()));
    }
    return fields;
  }

  private static Schema record(List<Schema.Field> fields) {
    Schema current = UserAvro.schema();
    return Schema.createRecord(
        current.getName(), current.getDoc(), current.getNamespace(), false, fields);
  }
}
