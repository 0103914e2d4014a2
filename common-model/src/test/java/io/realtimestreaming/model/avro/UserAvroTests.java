package io.realtimestreaming.model.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realtimestreaming.model.User;
import io.realtimestreaming.model.Users;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class UserAvroTests {

  @Test
  void schemaFieldsAreTheCassandraColumns() {
    Schema schema = UserAvro.schema();

    assertThat(schema.getFullName()).isEqualTo("io.realtimestreaming.model.avro.User");
    assertThat(schema.getFields())
        .extracting(Schema.Field::name)
        .containsExactly(
            "id",
            "first_name",
            "last_name",
            "gender",
            "address",
            "post_code",
            "email",
            "username",
            "dob",
            "registered_date",
            "phone",
            "picture",
            "nationality",
            "ingestion_run_id",
            "ingested_at",
            "version");
    assertThat(schema.getFields()).allSatisfy(f -> assertThat(f.doc()).isNotBlank());
    assertThat(schema.getField("id").schema().getLogicalType().getName()).isEqualTo("uuid");
    assertThat(schema.getField("dob").schema().getLogicalType().getName())
        .isEqualTo("timestamp-millis");
  }

  @Test
  void nullableFieldsDefaultToNull() {
    List<String> nullable =
        UserAvro.schema().getFields().stream()
            .filter(f -> f.schema().isNullable())
            .peek(
                f ->
                    assertThat(f.defaultVal()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE))
            .map(Schema.Field::name)
            .toList();

    assertThat(nullable)
        .containsExactly("gender", "address", "post_code", "phone", "picture", "nationality");
  }

  @Test
  void roundTripsEveryField() {
    for (User user : List.of(Users.jennie(), Users.minimal())) {
      byte[] binary = UserAvro.toAvroBinary(user);

      assertThat(UserAvro.fromAvroBinary(binary, UserAvro.schema())).isEqualTo(user);
    }
  }

  @Test
  void writesTheBytesOfAvrosGenericWriter() throws IOException {
    for (User user : List.of(Users.jennie(), Users.minimal())) {
      assertThat(UserAvro.toAvroBinary(user))
          .isEqualTo(write(UserAvro.toRecord(user), UserAvro.schema()));
    }
  }

  @Test
  void oneReaderDecodesPayloadAfterPayloadACorruptOneIncluded() {
    UserAvro.Reader reader = new UserAvro.Reader(UserAvro.schema());
    byte[] jennie = UserAvro.toAvroBinary(Users.jennie());

    assertThat(reader.read(jennie)).isEqualTo(Users.jennie());
    assertThatThrownBy(() -> reader.read(Arrays.copyOf(jennie, 10)))
        .isInstanceOf(AvroRuntimeException.class);
    assertThat(reader.read(UserAvro.toAvroBinary(Users.minimal()))).isEqualTo(Users.minimal());
    assertThat(reader.read(jennie)).isEqualTo(Users.jennie());
  }

  @Test
  void decodesARecordWrittenWithANewerSchemaThatAddedAnOptionalField() throws IOException {
    Schema newer = withExtraField(UserAvro.schema(), "cell");
    GenericRecord record = copy(UserAvro.toRecord(Users.jennie()), newer);
    record.put("cell", "(489) 330-2385");

    User decoded = UserAvro.fromAvroBinary(write(record, newer), newer);

    assertThat(decoded).isEqualTo(Users.jennie());
  }

  @Test
  void decodesARecordWrittenWithAnOlderSchemaThatLackedAnOptionalField() throws IOException {
    Schema older = withoutField(UserAvro.schema(), "picture");
    GenericRecord record = copy(UserAvro.toRecord(Users.jennie()), older);

    User decoded = UserAvro.fromAvroBinary(write(record, older), older);

    assertThat(decoded.picture()).isNull();
    assertThat(decoded.phone()).isEqualTo(Users.jennie().phone());
  }

  @Test
  void decodesARecordWrittenBeforeVersionsAsUnversioned() throws IOException {
    Schema beforeVersions = withoutField(UserAvro.schema(), "version");
    GenericRecord record = copy(UserAvro.toRecord(Users.jennie()), beforeVersions);

    User decoded = UserAvro.fromAvroBinary(write(record, beforeVersions), beforeVersions);

    assertThat(decoded).isEqualTo(Users.jennie().withVersion(User.UNVERSIONED));
  }

  @Test
  void refusesAnIdInAShortenedForm() throws IOException {
    GenericRecord record = UserAvro.toRecord(Users.jennie());
    record.put("ingestion_run_id", "1-2-3-4-5"); // UUID.fromString would take it

    assertThatThrownBy(
            () -> UserAvro.fromAvroBinary(write(record, UserAvro.schema()), UserAvro.schema()))
        .isInstanceOf(AvroRuntimeException.class)
        .hasMessageContaining("'1-2-3-4-5' is not a UUID");
  }

  @Test
  void refusesAWriterSchemaThatLacksARequiredField() throws IOException {
    Schema broken = withoutField(UserAvro.schema(), "email");
    GenericRecord record = copy(UserAvro.toRecord(Users.jennie()), broken);

    assertThatThrownBy(() -> UserAvro.fromAvroBinary(write(record, broken), broken))
        .isInstanceOf(AvroRuntimeException.class)
        .hasMessageContaining("email");
  }

  @Test
  void reportsATruncatedPayload() {
    byte[] binary = UserAvro.toAvroBinary(Users.jennie());
    byte[] truncated = Arrays.copyOf(binary, binary.length / 2);

    assertThatThrownBy(() -> UserAvro.fromAvroBinary(truncated, UserAvro.schema()))
        .isInstanceOf(AvroRuntimeException.class)
        .hasMessageContaining("cannot decode a User from " + truncated.length + " bytes");
  }

  @Test
  void reportsAnIdThatIsNotAUuid() throws IOException {
    GenericRecord record = UserAvro.toRecord(Users.jennie());
    record.put("id", "not-a-uuid");

    assertThatThrownBy(
            () -> UserAvro.fromAvroBinary(write(record, UserAvro.schema()), UserAvro.schema()))
        .isInstanceOf(AvroRuntimeException.class)
        .hasMessageContaining("not a valid user");
  }

  private static Schema withExtraField(Schema schema, String name) {
    List<Schema.Field> fields = copyFields(schema);
    fields.add(
        new Schema.Field(
            name,
            SchemaBuilder.builder().nullable().stringType(),
            "added later",
            Schema.Field.NULL_DEFAULT_VALUE));
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  private static Schema withoutField(Schema schema, String name) {
    List<Schema.Field> fields = copyFields(schema);
    fields.removeIf(f -> f.name().equals(name));
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  private static List<Schema.Field> copyFields(Schema schema) {
    return new java.util.ArrayList<>(
        schema.getFields().stream().map(f -> new Schema.Field(f, f.schema())).toList());
  }

  private static GenericRecord copy(GenericRecord from, Schema to) {
    GenericRecord record = new GenericData.Record(to);
    for (Schema.Field field : to.getFields()) {
      if (from.getSchema().getField(field.name()) != null) {
        record.put(field.name(), from.get(field.name()));
      }
    }
    return record;
  }

  private static byte[] write(GenericRecord record, Schema schema) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
