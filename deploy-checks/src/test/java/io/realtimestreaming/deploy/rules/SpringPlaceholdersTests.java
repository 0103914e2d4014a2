package io.realtimestreaming.deploy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpringPlaceholdersTests {

  @Test
  void findsTheSettingsThatDefaultToThisMachine() {
    String yml =
        """
        server:
          port: ${SERVER_PORT:8088}
        spring:
          datasource:
            url: ${SPRING_DATASOURCE_URL:jdbc:postgresql://127.0.0.1:5432/ingest}
          kafka:
            bootstrap-servers: ${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}
        ingest:
          randomuser: ${RANDOMUSER_BASE_URL:https://randomuser.me/api/1.4/}
          registry: ${SCHEMA_REGISTRY_URL:http://[::1]:8081}
          topic: ${ingest.outbox.topic}
        """;

    assertThat(SpringPlaceholders.withLoopbackDefaults(yml))
        .containsExactly("SPRING_DATASOURCE_URL", "KAFKA_BOOTSTRAP_SERVERS", "SCHEMA_REGISTRY_URL");
  }
}
