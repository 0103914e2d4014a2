package io.realtimestreaming.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "confluentinc/cp-server:7.9.2",
        "postgres:17.6",
        "apache/spark:4.1.1-scala2.13-java17-ubuntu",
        "apache/airflow:3.1.8-python3.11",
        "eclipse-temurin:17.0.18_8-jre-noble",
        "localhost:5000/team/image:1.2.3",
        "cassandra@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
      })
  void versionedTagsAndDigestsArePinned(String reference) {
    assertThat(ImageReference.parse(reference).isPinned()).isTrue();
    assertThat(ImageReference.parse(reference).unpinnedBecause()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cassandra",
        "postgres:latest",
        "eclipse-temurin:17-jre",
        "apache/spark:python3",
        "apache/airflow:latest-python3.11",
        "localhost:5000/team/image",
        "${IMAGE}"
      })
  void missingLatestAndVersionlessTagsAreNot(String reference) {
    assertThat(ImageReference.parse(reference).isPinned()).isFalse();
    assertThat(ImageReference.parse(reference).unpinnedBecause()).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"apache/spark:4.1.1-scala2.13-java17-ubuntu", "apache/spark:v4.1.1"})
  void theVersionIsTheLeadingNumbers(String reference) {
    assertThat(ImageReference.parse(reference).version()).contains("4.1.1");
  }
}
