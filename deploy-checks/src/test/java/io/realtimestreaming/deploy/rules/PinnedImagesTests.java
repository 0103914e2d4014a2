package io.realtimestreaming.deploy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.deploy.compose.ComposeFile;
import io.realtimestreaming.deploy.docker.Dockerfile;
import org.junit.jupiter.api.Test;

class PinnedImagesTests {

  @Test
  void flagsServicesWhoseImageFloats() {
    ComposeFile compose =
        ComposeFile.parse(
            """
            services:
              pinned: {image: "postgres:17.6"}
              untagged: {image: cassandra}
              latest: {image: "confluentinc/cp-kafka:latest"}
              major-only: {image: "eclipse-temurin:17-jre"}
              nothing: {command: ["true"]}
              built: {build: ., image: "ours/app"}
            """);

    assertThat(PinnedImages.check(compose))
        .extracting(Violation::subject)
        .containsExactly("untagged", "latest", "major-only", "nothing");
  }

  @Test
  void flagsDockerfileStagesWhoseBaseFloats() {
    Dockerfile dockerfile =
        Dockerfile.parse(
            """
            FROM maven:3-eclipse-temurin-17 AS build
            FROM build AS test
            FROM eclipse-temurin:17.0.18_8-jre-noble
            FROM scratch
            FROM ubuntu
            """);

    assertThat(PinnedImages.check("app/Dockerfile", dockerfile))
        .extracting(Violation::problem)
        .containsExactly(
            "FROM maven:3-eclipse-temurin-17 is not pinned: the tag '3-eclipse-temurin-17' names no version (digits and dots, e.g. 7.9.2)",
            "FROM ubuntu is not pinned: it has no tag, which means 'latest'");
  }
}
