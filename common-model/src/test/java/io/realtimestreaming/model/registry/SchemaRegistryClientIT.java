package io.realtimestreaming.model.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.realtimestreaming.model.Users;
import io.realtimestreaming.model.avro.UserAvro;
import io.realtimestreaming.model.wire.ConfluentWireFormat;
import io.realtimestreaming.model.wire.UserWireCodec;
import io.realtimestreaming.testing.RealServices;
import io.realtimestreaming.testing.ServiceEndpoints;
import io.realtimestreaming.testing.ServiceKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/**
 * The client against the real registry: Confluent Schema Registry in containers, Apicurio's
 * Confluent-compatible API in the devstack. Each test uses its own subject, so reruns against a
 * registry that keeps its state start clean.
 */
@RealServices(ServiceKind.REGISTRY)
class SchemaRegistryClientIT {

  @Test
  void registersFetchesAndReRegistersTheUserSchema(ServiceEndpoints endpoints) {
    String subject = freshSubject();
    SchemaRegistryClient client = new SchemaRegistryClient(endpoints.schemaRegistryUrl());

    int id = client.register(subject, UserAvro.schema());

    // a new client: its cache is empty, so this goes to the registry
    Schema fetched = new SchemaRegistryClient(endpoints.schemaRegistryUrl()).schemaById(id);
    assertThat(fetched).isEqualTo(UserAvro.schema());
    assertThat(client.register(subject, UserAvro.schema())).isEqualTo(id);
  }

  @Test
  void underBackwardRejectsANewRequiredFieldAndAcceptsAnOptionalOne(ServiceEndpoints endpoints) {
    String subject = freshSubject();
    SchemaRegistryClient client = new SchemaRegistryClient(endpoints.schemaRegistryUrl());
    client.register(subject, UserAvro.schema());

    client.setCompatibility(subject, "BACKWARD");

    assertThat(client.compatibility(subject)).isEqualTo("BACKWARD");
    Schema required = withField(SchemaBuilder.builder().stringType(), null);
    SchemaRegistryException e =
        catchThrowableOfType(
            SchemaRegistryException.class, () -> client.register(subject, required));
    assertThat(e.httpStatus()).isEqualTo(409);
    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA);

    Schema optional =
        withField(SchemaBuilder.builder().nullable().stringType(), Schema.Field.NULL_DEFAULT_VALUE);
    assertThat(client.register(subject, optional)).isPositive();
  }

  @Test
  void decodesAMessageWrittenWithAnEvolvedSchema(ServiceEndpoints endpoints) {
    String subject = freshSubject();
    SchemaRegistryClient client = new SchemaRegistryClient(endpoints.schemaRegistryUrl());
    Schema evolved =
        withField(SchemaBuilder.builder().nullable().stringType(), Schema.Field.NULL_DEFAULT_VALUE);
    int evolvedId = client.register(subject, evolved);
    byte[] message = writtenWith(evolvedId, evolved);

    // a fresh client, as a consumer in another JVM has
    UserWireCodec consumer =
        new UserWireCodec(new SchemaRegistryClient(endpoints.schemaRegistryUrl()), subject);

    assertThat(consumer.decode(message)).isEqualTo(Users.jennie());
  }

  @Test
  void reportsAnUnknownSchemaId(ServiceEndpoints endpoints) {
    SchemaRegistryClient client = new SchemaRegistryClient(endpoints.schemaRegistryUrl());

    SchemaRegistryException e =
        catchThrowableOfType(
            SchemaRegistryException.class, () -> client.schemaById(Integer.MAX_VALUE));

    assertThat(e.httpStatus()).isEqualTo(404);
    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
  }

  private static String freshSubject() {
    return "it-users_created-" + UUID.randomUUID() + "-value";
  }

  /** The user schema plus a field {@code loyalty_tier}. */
  private static Schema withField(Schema type, Object defaultValue) {
    Schema current = UserAvro.schema();
    List<Schema.Field> fields = new ArrayList<>();
    current.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
    fields.add(new Schema.Field("loyalty_tier", type, "added in a later version", defaultValue));
    return Schema.createRecord(
        current.getName(), current.getDoc(), current.getNamespace(), false, fields);
  }

  private static byte[] writtenWith(int schemaId, Schema schema) {
    GenericRecord current = UserAvro.toRecord(Users.jennie());
    GenericRecord record = new GenericData.Record(schema);
    current.getSchema().getFields().forEach(f -> record.put(f.name(), current.get(f.name())));
    record.put("loyalty_tier", "gold");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ConfluentWireFormat.encode(schemaId, out.toByteArray());
  }
}
