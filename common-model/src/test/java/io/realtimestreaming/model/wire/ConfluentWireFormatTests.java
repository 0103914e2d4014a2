package io.realtimestreaming.model.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfluentWireFormatTests {

  @Test
  void framesWithMagicByteAndBigEndianSchemaId() {
    byte[] message = ConfluentWireFormat.encode(0x01020304, new byte[] {42, 43});

    assertThat(message).containsExactly(0, 1, 2, 3, 4, 42, 43);
  }

  @Test
  void decodesWhatItEncodes() {
    ConfluentWireFormat.Framed framed =
        ConfluentWireFormat.decode(ConfluentWireFormat.encode(Integer.MAX_VALUE, new byte[] {7}));

    assertThat(framed.schemaId()).isEqualTo(Integer.MAX_VALUE);
    assertThat(framed.payload()).containsExactly(7);
  }

  @Test
  void acceptsAnEmptyPayload() {
    assertThat(ConfluentWireFormat.decode(new byte[] {0, 0, 0, 0, 9}).payload()).isEmpty();
  }

  @Test
  void refusesANullMessage() {
    assertThatThrownBy(() -> ConfluentWireFormat.decode(null))
        .isInstanceOf(WireFormatException.class)
        .hasMessageStartingWith("message is null");
  }

  @Test
  void refusesAMessageShorterThanTheHeader() {
    assertThatThrownBy(() -> ConfluentWireFormat.decode(new byte[] {0, 0, 1}))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("message of 3 bytes is shorter than the 5-byte Confluent wire format header");
  }

  @Test
  void refusesAWrongMagicByte() {
    assertThatThrownBy(() -> ConfluentWireFormat.decode(new byte[] {5, 0, 0, 0, 1, 2}))
        .isInstanceOf(WireFormatException.class)
        .hasMessageStartingWith("magic byte 0x05 is not 0x00 (Confluent wire format)");
  }

  @Test
  void refusesJsonSentByMistake() {
    assertThatThrownBy(() -> ConfluentWireFormat.decode("{\"id\":1}".getBytes()))
        .hasMessageStartingWith("magic byte 0x7b is not 0x00");
  }
}
