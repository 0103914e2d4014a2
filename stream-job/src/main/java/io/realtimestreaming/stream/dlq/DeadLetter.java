package io.realtimestreaming.stream.dlq;

import io.realtimestreaming.model.User;
import io.realtimestreaming.model.UserContract;
import io.realtimestreaming.model.wire.EventHeaders;
import io.realtimestreaming.stream.decode.Decoded;
import io.realtimestreaming.stream.decode.KafkaRecord;
import io.realtimestreaming.stream.decode.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A poison record on its way to the dead-letter topic: the original key and value, untouched, with
 * headers that say why and where it came from, so that it can be inspected, fixed and replayed. The
 * event's own headers (its run and version) travel along. Every header the job adds is bounded
 * ({@link #MAX_DETAIL_CHARS}), so a dead letter is never larger than its record by more than a few
 * KB; when even that is too large for the dead-letter topic, {@link #withoutValue()} is sent.
 *
 * @param reason a {@link io.realtimestreaming.stream.decode.RejectReason#header()}
 * @param runId the ingestion run the record belongs to, or null when nothing says
 * @param userId the user the record is about (its key, or the decoded id), or null
 * @param version the event's user version, or null
 */
public record DeadLetter(
    SourcePosition source,
    byte[] key,
    byte[] value,
    String reason,
    String detail,
    UUID runId,
    UUID userId,
    Long version) {

  public static final String REASON = "dlq.reason";
  public static final String DETAIL = "dlq.detail";
  public static final String SOURCE_TOPIC = "dlq.source.topic";
  public static final String SOURCE_PARTITION = "dlq.source.partition";
  public static final String SOURCE_OFFSET = "dlq.source.offset";

  /** Set on a dead letter sent without its value: how many bytes the value had. */
  public static final String VALUE_OMITTED = "dlq.value.omitted.bytes";

  /** A longer detail is cut, so that a dead letter cannot fail on its own headers. */
  static final int MAX_DETAIL_CHARS = 1024;

  /** The dead letter of a record the decoder rejected. */
  public static DeadLetter of(KafkaRecord record, Decoded.Rejected why) {
    User decoded = why.user();
    return new DeadLetter(
        record.at(),
        record.key(),
        record.value(),
        why.reason().header(),
        bounded(why.detail()),
        decoded != null ? decoded.ingestionRunId() : uuidOrNull(record.runId()),
        decoded != null ? decoded.id() : uuidOrNull(record.keyText()),
        decoded != null && decoded.version() != User.UNVERSIONED
            ? Long.valueOf(decoded.version())
            : record.version());
  }

  /**
   * The same dead letter without its value: for a value the dead-letter topic refuses (too large).
   * Its headers still say why, where from, and how large the value was; the original stays in the
   * source topic at {@link #sourceRef()} until retention removes it.
   */
  public DeadLetter withoutValue() {
    return new DeadLetter(source, key, null, reason, detail, runId, userId, version);
  }

  /** Whether the ledger can count this dead letter on a run. */
  public boolean attributable() {
    return runId != null && userId != null;
  }

  ProducerRecord<byte[], byte[]> toProducerRecord(String topic, Integer omittedValueBytes) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(REASON, utf8(reason));
    headers.add(DETAIL, utf8(detail == null ? "" : detail));
    headers.add(SOURCE_TOPIC, utf8(source.topic()));
    headers.add(SOURCE_PARTITION, utf8(Integer.toString(source.partition())));
    headers.add(SOURCE_OFFSET, utf8(Long.toString(source.offset())));
    if (runId != null) {
      headers.add(EventHeaders.RUN_ID, utf8(runId.toString()));
    }
    if (version != null) {
      headers.add(EventHeaders.USER_VERSION, utf8(version.toString()));
    }
    if (omittedValueBytes != null) {
      headers.add(VALUE_OMITTED, utf8(omittedValueBytes.toString()));
    }
    return new ProducerRecord<>(topic, null, key, value, headers);
  }

  /** {@code topic-partition@offset}, for log lines. */
  public String sourceRef() {
    return source.topic() + "-" + source.partition() + "@" + source.offset();
  }

  static String bounded(String detail) {
    if (detail == null || detail.length() <= MAX_DETAIL_CHARS) {
      return detail;
    }
    return detail.substring(0, MAX_DETAIL_CHARS) + "... (" + detail.length() + " characters)";
  }

  private static UUID uuidOrNull(String text) {
    try {
      return text == null ? null : UserContract.canonicalUuid(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
