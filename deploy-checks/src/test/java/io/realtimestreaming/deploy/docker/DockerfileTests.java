package io.realtimestreaming.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class DockerfileTests {

  @Test
  void readsStagesTheirBasesAndUsers() {
    Dockerfile dockerfile =
        Dockerfile.parse(
            """
            # syntax comment
            FROM --platform=linux/amd64 eclipse-temurin:17.0.18_8-jdk-noble AS build
            RUN ./mvnw -B \\
                package
            FROM eclipse-temurin:17.0.18_8-jre-noble
            USER root
            RUN apt-get update
            user 10001:10001
            """);

    assertThat(dockerfile.stages()).hasSize(2);
    assertThat(dockerfile.stages().get(0).name()).contains("build");
    assertThat(dockerfile.stages().get(0).user()).isEmpty();
    assertThat(dockerfile.finalStage().base()).isEqualTo("eclipse-temurin:17.0.18_8-jre-noble");
    assertThat(dockerfile.finalStage().user()).contains("10001:10001");
  }

  @Test
  void knowsAStageBuiltFromAnEarlierOne() {
    Dockerfile dockerfile =
        Dockerfile.parse("FROM postgres:17.6 AS base\nFROM base\nUSER postgres\n");

    assertThat(dockerfile.stages().get(0).fromStage()).isFalse();
    assertThat(dockerfile.finalStage().fromStage()).isTrue();
  }

  @Test
  void substitutesGlobalArgDefaultsIntoFrom() {
    Dockerfile dockerfile =
        Dockerfile.parse(
            "ARG SPARK_TAG=4.1.1-scala2.13-java17-ubuntu\nFROM apache/spark:${SPARK_TAG}\n");

    assertThat(dockerfile.finalStage().base())
        .isEqualTo("apache/spark:4.1.1-scala2.13-java17-ubuntu");
  }

  @Test
  void aFileWithoutFromIsNoDockerfile() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Dockerfile.parse("RUN true\n"))
        .withMessageContaining("FROM");
  }
}
