package io.realtimestreaming.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VariableReferenceTests {

  @Test
  void readsEveryForm() {
    assertThat(
            VariableReference.scan(
                "$A ${B} ${C:-c d} ${D-d} ${E:?set E} ${F?} ${G:+g} $$H $${I} tail$"))
        .containsExactly(
            new VariableReference("A", "", ""),
            new VariableReference("B", "", ""),
            new VariableReference("C", ":-", "c d"),
            new VariableReference("D", "-", "d"),
            new VariableReference("E", ":?", "set E"),
            new VariableReference("F", "?", ""),
            new VariableReference("G", ":+", "g"));
  }

  @Test
  void onlyDashFormsAreDefaults() {
    assertThat(new VariableReference("X", ":-", "1").hasDefault()).isTrue();
    assertThat(new VariableReference("X", "-", "1").hasDefault()).isTrue();
    assertThat(new VariableReference("X", ":?", "msg").hasDefault()).isFalse();
  }

  @Test
  void withDefaultsReadsTheTextAsComposeDoesWithNothingSet() {
    assertThat(VariableReference.withDefaults("${HEAP:-1G} and ${N-3}, ${SECRET:?set it}"))
        .isEqualTo("1G and 3, ${SECRET:?set it}");
  }
}
