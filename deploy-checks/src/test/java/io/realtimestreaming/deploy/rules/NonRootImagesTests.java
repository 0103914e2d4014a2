package io.realtimestreaming.deploy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.deploy.docker.Dockerfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NonRootImagesTests {

  @ParameterizedTest
  @ValueSource(strings = {"10001", "10001:10001", "spark", "airflow"})
  void passesAFinalStageWithANonRootUser(String user) {
    Dockerfile dockerfile =
        Dockerfile.parse(
            "FROM a:1.0 AS build\nUSER root\nFROM b:1.0\nUSER root\nUSER " + user + "\n");

    assertThat(NonRootImages.check("Dockerfile", dockerfile)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"root", "0", "0:0", "root:root"})
  void flagsAFinalStageRunningAsRoot(String user) {
    Dockerfile dockerfile = Dockerfile.parse("FROM a:1.0\nUSER 10001\nUSER " + user + "\n");

    assertThat(NonRootImages.check("Dockerfile", dockerfile))
        .extracting(Violation::problem)
        .singleElement()
        .asString()
        .contains("runs as " + user);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"FROM a:1.0\nRUN true\n", "FROM a:1.0 AS build\nUSER 10001\nFROM b:1.0\n"})
  void flagsAFinalStageWithoutUser(String text) {
    assertThat(NonRootImages.check("Dockerfile", Dockerfile.parse(text)))
        .extracting(Violation::problem)
        .singleElement()
        .asString()
        .contains("sets no USER");
  }
}
