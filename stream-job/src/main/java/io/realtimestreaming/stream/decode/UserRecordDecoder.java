package io.realtimestreaming.stream.decode;

import io.realtimestreaming.model.User;
import io.realtimestreaming.model.UserContract;
import io.realtimestreaming.model.avro.UserAvro;
import io.realtimestreaming.model.wire.ConfluentWireFormat;
import io.realtimestreaming.model.wire.WireFormatException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.AvroRuntimeException;

/**
 * Turns a Kafka record value (Confluent wire format) into a {@link User}: the writer schema comes
 * from the registry by the id in the header, and Avro resolves it against the reader schema of
 * common-model, so records written with an older or newer compatible schema decode.
 *
 * <p>Poison records come back as {@link Decoded.Rejected}. A registry that cannot be reached throws
 * instead (see {@link WriterSchemas}): that is an outage, not a bad record, and the batch must fail
 * so that Spark retries it rather than dead-lettering good data.
 *
 * <p>Not thread-safe: one decoder per Spark task.
 */
public final class UserRecordDecoder {

  private final WriterSchemas writerSchemas;
  private final Clock clock;
  // Per decoder, so that a flood of records with a bad id asks the registry once, not per record;
  // and one reader per writer schema (see UserAvro.Reader: a new one per record cost more than the
  // decoding itself).
  private final Map<Integer, Optional<UserAvro.Reader>> readers = new HashMap<>();

  /**
   * @param clock what "not in the future" of {@link UserContract} is checked against
   */
  public UserRecordDecoder(WriterSchemas writerSchemas, Clock clock) {
    this.writerSchemas = writerSchemas;
    this.clock = clock;
  }

  /** A decoder for one task, sharing the executor's cache of writer schemas from the registry. */
  public static UserRecordDecoder forRegistry(String registryUrl) {
    return new UserRecordDecoder(
        WriterSchemas.of(RegistryClients.forUrl(registryUrl)), Clock.systemUTC());
  }

  public Decoded decode(byte[] value) {
    ConfluentWireFormat.Framed framed;
    try {
      framed = ConfluentWireFormat.decode(value);
    } catch (WireFormatException e) {
      return new Decoded.Rejected(RejectReason.NOT_CONFLUENT_FRAMED, e.getMessage());
    }
    Optional<UserAvro.Reader> reader =
        readers.computeIfAbsent(
            framed.schemaId(), id -> writerSchemas.byId(id).map(UserAvro.Reader::new));
    if (reader.isEmpty()) {
      return new Decoded.Rejected(
          RejectReason.UNKNOWN_SCHEMA_ID,
          "the registry has no Avro schema with id " + framed.schemaId());
    }
    User user;
    try {
      user = reader.get().read(framed.payload());
    } catch (AvroRuntimeException e) {
      return new Decoded.Rejected(RejectReason.UNDECODABLE, e.getMessage());
    } catch (RuntimeException e) {
      // Avro reports some corrupt input through whatever its reader trips on (negative lengths,
      // out-of-range union branches): each is a property of these bytes, not of the job.
      return new Decoded.Rejected(
          RejectReason.UNDECODABLE,
          "Avro payload is corrupt: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    return UserContract.check(user, clock.instant())
        .<Decoded>map(
            violation ->
                new Decoded.Rejected(RejectReason.INVALID_USER, violation.describe(), user))
        .orElseGet(() -> new Decoded.Valid(user));
  }
}
