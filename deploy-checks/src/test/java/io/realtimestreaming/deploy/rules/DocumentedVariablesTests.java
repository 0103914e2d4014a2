package io.realtimestreaming.deploy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.deploy.compose.ComposeFile;
import io.realtimestreaming.deploy.compose.EnvFile;
import org.junit.jupiter.api.Test;

class DocumentedVariablesTests {

  private static final ComposeFile COMPOSE =
      ComposeFile.parse(
          """
          services:
            app:
              image: a:1.0
              ports: ["${PUBLISH_ADDRESS:-127.0.0.1}:8080:8080"]
              environment:
                API_KEY: ${INGEST_API_KEY:?set it in .env}
                HOME_DIR: $${HOME}
          """);

  @Test
  void passesWhenEveryVariableIsListedWithTheSameDefault() {
    EnvFile example = EnvFile.parse("PUBLISH_ADDRESS=127.0.0.1\nINGEST_API_KEY=dev-ingest-key\n");

    assertThat(DocumentedVariables.check(COMPOSE, example)).isEmpty();
  }

  @Test
  void flagsAVariableMissingFromEnvExample() {
    EnvFile example = EnvFile.parse("PUBLISH_ADDRESS=127.0.0.1\n");

    assertThat(DocumentedVariables.check(COMPOSE, example))
        .containsExactly(
            new Violation(
                DocumentedVariables.RULE,
                "${INGEST_API_KEY}",
                "docker-compose.yml uses it, .env.example does not list it"));
  }

  @Test
  void flagsADefaultThatDiffersFromEnvExample() {
    EnvFile example = EnvFile.parse("PUBLISH_ADDRESS=0.0.0.0\nINGEST_API_KEY=dev-ingest-key\n");

    assertThat(DocumentedVariables.check(COMPOSE, example))
        .extracting(Violation::problem)
        .containsExactly(
            "docker-compose.yml defaults it to '127.0.0.1', .env.example to '0.0.0.0'");
  }

  @Test
  void flagsASettingNothingUses() {
    EnvFile example = EnvFile.parse("PUBLISH_ADDRESS=127.0.0.1\nINGEST_API_KEY=k\nSTALE=1\n");

    assertThat(DocumentedVariables.check(COMPOSE, example))
        .extracting(Violation::subject)
        .containsExactly("STALE");
  }
}
