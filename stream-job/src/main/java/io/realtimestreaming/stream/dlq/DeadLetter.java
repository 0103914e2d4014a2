package io.realtimestreaming.stream.dlq;

import io.realtimestreaming.stream.decode.Decoded;
import io.realtimestreaming.stream.decode.KafkaRecord;
import io.realtimestreaming.stream.decode.SourcePosition;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A poison record on its way to the dead-letter topic: the original key and value, untouched, with
 * headers that say why and where it came from, so that it can be inspected, fixed and replayed.
 *
 * @param reason a {@link io.realtimestreaming.stream.decode.RejectReason#header()}
 */
public record DeadLetter(
    SourcePosition source, byte[] key, byte[] value, String reason, String detail) {

  public static final String REASON = "dlq.reason";
  public static final String DETAIL = "dlq.detail";
  public static final String SOURCE_TOPIC = "dlq.source.topic";
  public static final String SOURCE_PARTITION = "dlq.source.partition";
  public static final String SOURCE_OFFSET = "dlq.source.offset";

  /** The dead letter of a record the decoder rejected. */
  public static DeadLetter of(KafkaRecord record, Decoded.Rejected why) {
    return new DeadLetter(
        record.at(), record.key(), record.value(), why.reason().header(), why.detail());
  }

  ProducerRecord<byte[], byte[]> toProducerRecord(String topic) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(REASON, utf8(reason));
    headers.add(DETAIL, utf8(detail == null ? "" : detail));
    headers.add(SOURCE_TOPIC, utf8(source.topic()));
    headers.add(SOURCE_PARTITION, utf8(Integer.toString(source.partition())));
    headers.add(SOURCE_OFFSET, utf8(Long.toString(source.offset())));
    return new ProducerRecord<>(topic, null, key, value, headers);
  }

  /** {@code topic-partition@offset}, for log lines. */
  public String sourceRef() {
    return source.topic() + "-" + source.partition() + "@" + source.offset();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
