package io.realtimestreaming.stream.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realtimestreaming.model.User;
import io.realtimestreaming.model.avro.UserAvro;
import io.realtimestreaming.model.wire.ConfluentWireFormat;
import io.realtimestreaming.stream.EvolvedSchemas;
import io.realtimestreaming.stream.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class UserRecordDecoderTests {

  static final int CURRENT = 1;
  static final int NEWER = 2;
  static final int OLDER = 3;

  final Map<Integer, Schema> registry =
      new HashMap<>(
          Map.of(
              CURRENT, UserAvro.schema(),
              NEWER, EvolvedSchemas.withMiddleName(),
              OLDER, EvolvedSchemas.withoutNationality()));
  final AtomicInteger lookups = new AtomicInteger();
  final UserRecordDecoder decoder =
      new UserRecordDecoder(
          id -> {
            lookups.incrementAndGet();
            return Optional.ofNullable(registry.get(id));
          },
          Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

  final User user = TestUsers.user(1);

  @Test
  void decodesARecordOfTheCurrentSchema() {
    byte[] value = ConfluentWireFormat.encode(CURRENT, UserAvro.toAvroBinary(user));

    assertThat(decoder.decode(value)).isEqualTo(new Decoded.Valid(user));
  }

  @Test
  void decodesARecordOfANewerSchemaWithAnAddedOptionalField() {
    byte[] payload = EvolvedSchemas.write(user, EvolvedSchemas.withMiddleName(), "Ann");

    assertThat(decoder.decode(ConfluentWireFormat.encode(NEWER, payload)))
        .isEqualTo(new Decoded.Valid(user));
  }

  @Test
  void decodesARecordOfAnOlderSchemaGivingTheMissingFieldItsDefault() {
    byte[] payload = EvolvedSchemas.write(user, EvolvedSchemas.withoutNationality(), null);

    Decoded decoded = decoder.decode(ConfluentWireFormat.encode(OLDER, payload));

    assertThat(decoded).isInstanceOf(Decoded.Valid.class);
    User read = ((Decoded.Valid) decoded).user();
    assertThat(read.nationality()).isNull();
    assertThat(read.email()).isEqualTo(user.email());
  }

  @Test
  void rejectsAValueWithoutTheMagicByte() {
    byte[] json = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(decoder.decode(json))
        .isInstanceOfSatisfying(
            Decoded.Rejected.class,
            r -> {
              assertThat(r.reason()).isEqualTo(RejectReason.NOT_CONFLUENT_FRAMED);
              assertThat(r.detail()).contains("magic byte 0x7b");
            });
  }

  @Test
  void rejectsANullOrShortValue() {
    assertThat(reason(decoder.decode(null))).isEqualTo(RejectReason.NOT_CONFLUENT_FRAMED);
    assertThat(reason(decoder.decode(new byte[] {0, 0})))
        .isEqualTo(RejectReason.NOT_CONFLUENT_FRAMED);
  }

  @Test
  void rejectsAnUnknownSchemaIdAndAsksTheRegistryOnlyOnce() {
    byte[] value = ConfluentWireFormat.encode(99, UserAvro.toAvroBinary(user));

    assertThat(reason(decoder.decode(value))).isEqualTo(RejectReason.UNKNOWN_SCHEMA_ID);
    assertThat(reason(decoder.decode(value))).isEqualTo(RejectReason.UNKNOWN_SCHEMA_ID);
    assertThat(lookups).hasValue(1);
  }

  @Test
  void rejectsATruncatedPayload() {
    byte[] payload = UserAvro.toAvroBinary(user);
    byte[] value = ConfluentWireFormat.encode(CURRENT, Arrays.copyOf(payload, payload.length / 2));

    assertThat(reason(decoder.decode(value))).isEqualTo(RejectReason.UNDECODABLE);
  }

  @Test
  void rejectsGarbageBytes() {
    byte[] garbage = new byte[64];
    Arrays.fill(garbage, (byte) 0xff);

    assertThat(reason(decoder.decode(ConfluentWireFormat.encode(CURRENT, garbage))))
        .isEqualTo(RejectReason.UNDECODABLE);
  }

  @Test
  void decodesRecordsOfSeveralSchemasInterleavedAndAfterACorruptOne() {
    User other = TestUsers.user(2);
    byte[] current = ConfluentWireFormat.encode(CURRENT, UserAvro.toAvroBinary(user));
    byte[] newer =
        ConfluentWireFormat.encode(
            NEWER, EvolvedSchemas.write(other, EvolvedSchemas.withMiddleName(), "Ann"));
    byte[] payload = UserAvro.toAvroBinary(user);
    byte[] truncated =
        ConfluentWireFormat.encode(CURRENT, Arrays.copyOf(payload, payload.length / 2));

    assertThat(decoder.decode(current)).isEqualTo(new Decoded.Valid(user));
    assertThat(decoder.decode(newer)).isEqualTo(new Decoded.Valid(other));
    assertThat(reason(decoder.decode(truncated))).isEqualTo(RejectReason.UNDECODABLE);
    assertThat(decoder.decode(current)).isEqualTo(new Decoded.Valid(user));
    assertThat(decoder.decode(newer)).isEqualTo(new Decoded.Valid(other));
    assertThat(lookups).hasValue(2); // one per schema id, not per record
  }

  @Test
  void rejectsAUserThatFailsValidation() {
    byte[] value =
        ConfluentWireFormat.encode(
            CURRENT, UserAvro.toAvroBinary(TestUsers.withEmail(user, "no-at-sign")));

    assertThat(decoder.decode(value))
        .isInstanceOfSatisfying(
            Decoded.Rejected.class,
            r -> {
              assertThat(r.reason()).isEqualTo(RejectReason.INVALID_USER);
              assertThat(r.detail()).contains("email");
            });
  }

  @Test
  void aRegistryOutageIsNotAPoisonRecord() {
    UserRecordDecoder failing =
        new UserRecordDecoder(
            id -> {
              throw new IllegalStateException("connection refused");
            },
            Clock.systemUTC());
    byte[] value = ConfluentWireFormat.encode(CURRENT, UserAvro.toAvroBinary(user));

    assertThatThrownBy(() -> failing.decode(value)).hasMessageContaining("connection refused");
  }

  private static RejectReason reason(Decoded decoded) {
    assertThat(decoded).isInstanceOf(Decoded.Rejected.class);
    return ((Decoded.Rejected) decoded).reason();
  }
}
