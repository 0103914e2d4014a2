package io.realtimestreaming.ingest.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaProducerException;

class KafkaRefusalsTests {

  @Test
  void aRecordTooLargeOrUnserializableIsPermanentWhereverItIsInTheCauses() {
    var tooLarge = new RecordTooLargeException("The message is 2000 bytes");
    var wrapped = new KafkaProducerException(null, "Failed to send", tooLarge);

    assertThat(KafkaRefusals.permanent(wrapped))
        .contains("RecordTooLargeException: The message is 2000 bytes");
    assertThat(KafkaRefusals.permanent(new SerializationException("bad"))).isPresent();
  }

  @Test
  void aBrokerAwayOrTooFewReplicasIsNot() {
    assertThat(KafkaRefusals.permanent(new TimeoutException("expired"))).isEmpty();
    assertThat(KafkaRefusals.permanent(new NotEnoughReplicasException("isr 1 < 2"))).isEmpty();
    assertThat(KafkaRefusals.permanent(new IllegalStateException("x"))).isEmpty();
  }
}
