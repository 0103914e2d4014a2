package io.realtimestreaming.stream.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.model.User;
import io.realtimestreaming.model.wire.EventHeaders;
import io.realtimestreaming.stream.TestUsers;
import io.realtimestreaming.stream.decode.Decoded;
import io.realtimestreaming.stream.decode.KafkaRecord;
import io.realtimestreaming.stream.decode.RejectReason;
import io.realtimestreaming.stream.decode.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DeadLetterTests {

  @Test
  void carriesTheOriginalBytesAndHeadersNamingReasonAndSource() {
    byte[] key = "k".getBytes(StandardCharsets.UTF_8);
    byte[] value = {1, 2, 3};
    UUID run = UUID.randomUUID();
    DeadLetter letter =
        new DeadLetter(
            new SourcePosition("users_created", 2, 77, 0),
            key,
            value,
            "undecodable",
            "bad",
            run,
            null,
            42L);

    ProducerRecord<byte[], byte[]> record = letter.toProducerRecord("users_created.dlq", null);

    assertThat(record.topic()).isEqualTo("users_created.dlq");
    assertThat(record.key()).isSameAs(key);
    assertThat(record.value()).isSameAs(value);
    assertThat(header(record, DeadLetter.REASON)).isEqualTo("undecodable");
    assertThat(header(record, DeadLetter.DETAIL)).isEqualTo("bad");
    assertThat(header(record, DeadLetter.SOURCE_TOPIC)).isEqualTo("users_created");
    assertThat(header(record, DeadLetter.SOURCE_PARTITION)).isEqualTo("2");
    assertThat(header(record, DeadLetter.SOURCE_OFFSET)).isEqualTo("77");
    assertThat(header(record, EventHeaders.RUN_ID)).isEqualTo(run.toString());
    assertThat(header(record, EventHeaders.USER_VERSION)).isEqualTo("42");
    assertThat(record.headers().lastHeader(DeadLetter.VALUE_OMITTED)).isNull();
    assertThat(letter.sourceRef()).isEqualTo("users_created-2@77");
  }

  @Test
  void aDetailOfAnyLengthGivesABoundedHeader() {
    String huge = "x".repeat(2_000_000);

    String bounded = DeadLetter.bounded(huge);

    assertThat(bounded)
        .hasSizeLessThan(DeadLetter.MAX_DETAIL_CHARS + 40)
        .endsWith("(2000000 characters)");
    assertThat(DeadLetter.bounded("short")).isEqualTo("short");
  }

  @Test
  void withoutItsValueItStillSaysWhyWhereFromAndHowLargeTheValueWas() {
    DeadLetter letter =
        new DeadLetter(
            new SourcePosition("t", 0, 1, 0),
            new byte[] {1},
            new byte[5000],
            "undecodable",
            "d",
            null,
            null,
            null);

    ProducerRecord<byte[], byte[]> record =
        letter.withoutValue().toProducerRecord("t.dlq", letter.value().length);

    assertThat(record.value()).isNull();
    assertThat(header(record, DeadLetter.VALUE_OMITTED)).isEqualTo("5000");
    assertThat(header(record, DeadLetter.REASON)).isEqualTo("undecodable");
  }

  @Test
  void aRecordThatDecodedButBrokeTheContractIsAttributedByTheDecodedUser() {
    User user = TestUsers.user(3);
    KafkaRecord record =
        new KafkaRecord(
            new SourcePosition("users_created", 0, 1, 0), null, new byte[] {1}, null, null);

    DeadLetter letter =
        DeadLetter.of(
            record, new Decoded.Rejected(RejectReason.INVALID_USER, "invalid_email email", user));

    assertThat(letter.runId()).isEqualTo(user.ingestionRunId());
    assertThat(letter.userId()).isEqualTo(user.id());
    assertThat(letter.version()).isEqualTo(user.version());
    assertThat(letter.attributable()).isTrue();
  }

  @Test
  void aRejectedRecordKeepsItsOriginalBytesPositionAndReason() {
    UUID run = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    KafkaRecord record =
        new KafkaRecord(
            new SourcePosition("users_created", 1, 5, 0),
            user.toString().getBytes(StandardCharsets.UTF_8),
            new byte[] {9, 8},
            run.toString(),
            7L);

    DeadLetter letter =
        DeadLetter.of(record, new Decoded.Rejected(RejectReason.UNKNOWN_SCHEMA_ID, "no id 99"));

    assertThat(letter)
        .isEqualTo(
            new DeadLetter(
                record.at(),
                record.key(),
                record.value(),
                "unknown-schema-id",
                "no id 99",
                run,
                user,
                7L));
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
