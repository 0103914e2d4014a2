package io.realtimestreaming.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MemorySizeTests {

  @Test
  void readsComposeAndJvmUnits() {
    assertThat(MemorySize.parse("768m")).isEqualTo(MemorySize.mebibytes(768));
    assertThat(MemorySize.parse("1G")).isEqualTo(MemorySize.mebibytes(1024));
    assertThat(MemorySize.parse("2gb")).isEqualTo(MemorySize.mebibytes(2048));
    assertThat(MemorySize.parse("512k").bytes()).isEqualTo(512L * 1024);
    assertThat(MemorySize.parse("4096").bytes()).isEqualTo(4096);
  }

  @Test
  void readsAVariablesDefault() {
    assertThat(MemorySize.parse("${CASSANDRA_MEM_LIMIT:-2560m}"))
        .isEqualTo(MemorySize.mebibytes(2560));
  }

  @Test
  void refusesWhatIsNoSize() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MemorySize.parse("lots"))
        .withMessageContaining("no memory size");
    assertThatIllegalArgumentException().isThrownBy(() -> MemorySize.parse("${LIMIT:?set it}"));
  }

  @Test
  void scalesAndCompares() {
    assertThat(MemorySize.mebibytes(512).times(1.5)).isEqualTo(MemorySize.mebibytes(768));
    assertThat(MemorySize.parse("1g")).isGreaterThan(MemorySize.parse("768m"));
    assertThat(MemorySize.mebibytes(768)).hasToString("768m");
  }
}
