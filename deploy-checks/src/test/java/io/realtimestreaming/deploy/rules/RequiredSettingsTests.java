package io.realtimestreaming.deploy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.deploy.compose.ComposeFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequiredSettingsTests {

  private static final ComposeFile COMPOSE =
      ComposeFile.parse(
          """
          services:
            ingest-service:
              image: a:1.0
              environment:
                KAFKA_BOOTSTRAP_SERVERS: broker:29092
                INGEST_API_KEY: ""
          """);

  @Test
  void passesWhenEverySettingIsSet() {
    assertThat(
            RequiredSettings.check(
                COMPOSE, Map.of("ingest-service", List.of("KAFKA_BOOTSTRAP_SERVERS"))))
        .isEmpty();
  }

  @Test
  void flagsAMissingOrBlankSetting() {
    assertThat(
            RequiredSettings.check(
                COMPOSE,
                Map.of(
                    "ingest-service",
                    List.of("KAFKA_BOOTSTRAP_SERVERS", "SPRING_DATASOURCE_URL", "INGEST_API_KEY"))))
        .extracting(Violation::problem)
        .containsExactly(
            "its environment does not set SPRING_DATASOURCE_URL, which its configuration requires",
            "its environment does not set INGEST_API_KEY, which its configuration requires");
  }

  @Test
  void flagsAMissingService() {
    assertThat(RequiredSettings.check(COMPOSE, Map.of("stream-job", List.of("SPARK_MASTER"))))
        .extracting(Violation::subject)
        .containsExactly("stream-job");
  }
}
