package io.realtimestreaming.stream.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.stream.decode.Decoded;
import io.realtimestreaming.stream.decode.KafkaRecord;
import io.realtimestreaming.stream.decode.RejectReason;
import io.realtimestreaming.stream.decode.SourcePosition;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DeadLetterTests {

  @Test
  void carriesTheOriginalBytesAndHeadersNamingReasonAndSource() {
    byte[] key = "k".getBytes(StandardCharsets.UTF_8);
    byte[] value = {1, 2, 3};
    DeadLetter letter =
        new DeadLetter(
            new SourcePosition("users_created", 2, 77, 0), key, value, "undecodable", "bad");

    ProducerRecord<byte[], byte[]> record = letter.toProducerRecord("users_created.dlq");

    assertThat(record.topic()).isEqualTo("users_created.dlq");
    assertThat(record.key()).isSameAs(key);
    assertThat(record.value()).isSameAs(value);
    assertThat(header(record, DeadLetter.REASON)).isEqualTo("undecodable");
    assertThat(header(record, DeadLetter.DETAIL)).isEqualTo("bad");
    assertThat(header(record, DeadLetter.SOURCE_TOPIC)).isEqualTo("users_created");
    assertThat(header(record, DeadLetter.SOURCE_PARTITION)).isEqualTo("2");
    assertThat(header(record, DeadLetter.SOURCE_OFFSET)).isEqualTo("77");
    assertThat(letter.sourceRef()).isEqualTo("users_created-2@77");
  }

  @Test
  void aRejectedRecordKeepsItsOriginalBytesPositionAndReason() {
    KafkaRecord record =
        new KafkaRecord(
            new SourcePosition("users_created", 1, 5, 0), new byte[] {7}, new byte[] {9, 8});

    DeadLetter letter =
        DeadLetter.of(record, new Decoded.Rejected(RejectReason.UNKNOWN_SCHEMA_ID, "no id 99"));

    assertThat(letter)
        .isEqualTo(
            new DeadLetter(
                record.at(), record.key(), record.value(), "unknown-schema-id", "no id 99"));
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
