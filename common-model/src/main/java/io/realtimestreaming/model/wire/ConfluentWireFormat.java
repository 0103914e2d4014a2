package io.realtimestreaming.model.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The Confluent wire format: magic byte {@code 0x00}, the schema id as a 4-byte big-endian int,
 * then the Avro binary payload. Confluent's serializers, Kafka UIs and Apicurio's
 * Confluent-compatible mode all read this framing.
 *
 * <p>Hand-written because Confluent's {@code kafka-avro-serializer} is not on Maven Central (it
 * lives in Confluent's own repository, which this project's machines cannot reach), and the format
 * is five bytes of framing: a codec is smaller than the dependency tree it would replace.
 */
public final class ConfluentWireFormat {

  /** The first byte of every framed message. */
  public static final byte MAGIC_BYTE = 0x0;

  /** Magic byte plus schema id. */
  public static final int HEADER_LENGTH = 5;

  /**
   * A message taken apart.
   *
   * @param schemaId the registry id of the schema the payload was written with
   * @param payload the Avro binary, without the header
   */
  public record Framed(int schemaId, byte[] payload) {}

  private ConfluentWireFormat() {}

  public static byte[] encode(int schemaId, byte[] payload) {
    if (payload == null) {
      throw new IllegalArgumentException("payload must not be null");
    }
    return ByteBuffer.allocate(HEADER_LENGTH + payload.length)
        .put(MAGIC_BYTE)
        .putInt(schemaId)
        .put(payload)
        .array();
  }

  /** Writes the header (magic byte, then the schema id big-endian) that starts every message. */
  public static void writeHeader(ByteArrayOutputStream out, int schemaId) {
    out.write(MAGIC_BYTE);
    out.write(schemaId >>> 24);
    out.write(schemaId >>> 16);
    out.write(schemaId >>> 8);
    out.write(schemaId);
  }

  /**
   * Splits a message into schema id and payload.
   *
   * @throws WireFormatException if the message is null, shorter than the header, or does not start
   *     with the magic byte (it was not written by a Confluent-format serializer)
   */
  public static Framed decode(byte[] message) {
    if (message == null) {
      throw new WireFormatException(
          "message is null: a tombstone or an empty Kafka value, not a Confluent-framed record");
    }
    if (message.length < HEADER_LENGTH) {
      throw new WireFormatException(
          "message of "
              + message.length
              + " bytes is shorter than the "
              + HEADER_LENGTH
              + "-byte Confluent wire format header");
    }
    if (message[0] != MAGIC_BYTE) {
      throw new WireFormatException(
          String.format(
              "magic byte 0x%02x is not 0x00 (Confluent wire format): "
                  + "the message was not written by a schema-registry serializer",
              message[0] & 0xff));
    }
    int schemaId = ByteBuffer.wrap(message, 1, 4).getInt();
    return new Framed(schemaId, Arrays.copyOfRange(message, HEADER_LENGTH, message.length));
  }
}
