package io.realtimestreaming.model.wire;

import io.realtimestreaming.model.User;
import io.realtimestreaming.model.avro.UserAvro;
import io.realtimestreaming.model.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * A {@link User} to and from a Kafka message value: Avro binary in the Confluent wire format, with
 * the schema id from the registry.
 *
 * <p>{@link #encode} registers the current schema under the subject on first use (registering is
 * idempotent, so every producer may do it) and reuses the id. {@link #decode} reads with the
 * writer's schema, fetched by the id in the message and cached by the registry client.
 */
public final class UserWireCodec {

  private final SchemaRegistryClient registry;
  private final String subject;
  private volatile int schemaId = -1; // racing first calls both register and get the same id

  public UserWireCodec(SchemaRegistryClient registry, String subject) {
    this.registry = registry;
    this.subject = subject;
  }

  /** The id of the current schema under the subject, registering it if needed. */
  public int schemaId() {
    int id = schemaId;
    if (id < 0) {
      id = registry.register(subject, UserAvro.schema());
      schemaId = id;
    }
    return id;
  }

  public byte[] encode(User user) {
    return encodeAll(List.of(user)).get(0);
  }

  /**
   * Encodes users one message value each, in order. One buffer and one Avro encoder serve the whole
   * list: a page of users costs one allocation per value, not three.
   */
  public List<byte[]> encodeAll(Collection<User> users) {
    int id = schemaId();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(buffer, null);
    List<byte[]> values = new ArrayList<>(users.size());
    try {
      for (User user : users) {
        buffer.reset();
        ConfluentWireFormat.writeHeader(buffer, id);
        UserAvro.write(user, encoder);
        encoder.flush();
        values.add(buffer.toByteArray());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write an in-memory Avro buffer", e);
    }
    return values;
  }

  /**
   * Decodes one message value.
   *
   * @throws WireFormatException if the message is not Confluent-framed
   * @throws io.realtimestreaming.model.registry.SchemaRegistryException if the registry does not
   *     know the schema id (or cannot be reached)
   * @throws org.apache.avro.AvroRuntimeException if the payload is not a valid user
   */
  public User decode(byte[] message) {
    ConfluentWireFormat.Framed framed = ConfluentWireFormat.decode(message);
    return UserAvro.fromAvroBinary(framed.payload(), registry.schemaById(framed.schemaId()));
  }
}
