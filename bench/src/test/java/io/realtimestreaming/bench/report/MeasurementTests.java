package io.realtimestreaming.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementTests {

  @Test
  void theMedianIsTheMiddleRoundWhateverTheOrder() {
    Measurement m = new Measurement("raw", "how", "rows/s", List.of(30.0, 10.0, 20.0));

    assertThat(m.median()).isEqualTo(20.0);
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(new Measurement("raw", "how", "rows/s", List.of(1.0, 4.0, 2.0, 3.0)).median())
        .isEqualTo(2.5);
  }

  @Test
  void theSpreadIsTheRangeOverTheMedian() {
    Measurement m = new Measurement("raw", "how", "rows/s", List.of(90.0, 100.0, 110.0));

    assertThat(m.spread()).isCloseTo(0.20, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void summarizesWithEveryRound() {
    Measurement m = new Measurement("raw", "how", "rows/s", List.of(24_900.0, 25_400.0, 26_100.0));

    assertThat(m.summary()).isEqualTo("25,400 rows/s (24,900-26,100, spread 5 %, 3 rounds)");
  }

  @Test
  void needsAValue() {
    assertThatThrownBy(() -> new Measurement("raw", "how", "rows/s", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("raw");
  }
}
