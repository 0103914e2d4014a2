package io.realtimestreaming.deploy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinnedActionsTests {

  @Test
  void passesFullVersionsShasAndLocalActions() {
    String workflow =
        """
        on: push
        jobs:
          build:
            runs-on: ubuntu-24.04
            steps:
              - uses: actions/checkout@v5.0.0
              - uses: actions/setup-java@0123456789abcdef0123456789abcdef01234567
              - uses: ./.github/actions/local
              - run: ./mvnw -B verify
        """;

    assertThat(PinnedActions.check("ci.yml", workflow)).isEmpty();
  }

  @Test
  void flagsFloatingRefs() {
    String workflow =
        """
        on: push
        jobs:
          build:
            runs-on: ubuntu-24.04
            steps:
              - uses: actions/checkout@v5
              - uses: actions/setup-java@main
              - uses: actions/cache
          reuse:
            uses: org/repo/.github/workflows/x.yml@v1.2
        """;

    assertThat(PinnedActions.check("ci.yml", workflow))
        .extracting(Violation::problem)
        .containsExactly(
            "uses actions/checkout@v5: pin a full version (v4.2.2) or a commit SHA",
            "uses actions/setup-java@main: pin a full version (v4.2.2) or a commit SHA",
            "uses actions/cache: pin a full version (v4.2.2) or a commit SHA",
            "uses org/repo/.github/workflows/x.yml@v1.2: pin a full version (v4.2.2) or a commit SHA");
  }
}
