package io.realtimestreaming.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class EnvFileTests {

  @Test
  void readsNamesAndValues() {
    EnvFile env =
        EnvFile.parse(
            """
            # comment
            A=1
            export B = two words
            C="{'class': 'NetworkTopologyStrategy', 'datacenter1': 3}"
            D=
            E=value # note
            """);

    assertThat(env.values())
        .containsEntry("A", "1")
        .containsEntry("B", "two words")
        .containsEntry("C", "{'class': 'NetworkTopologyStrategy', 'datacenter1': 3}")
        .containsEntry("D", "")
        .containsEntry("E", "value")
        .hasSize(5);
  }

  @Test
  void rejectsALineWithoutName() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EnvFile.parse("A=1\n=2\n"))
        .withMessageContaining("line 2");
  }
}
