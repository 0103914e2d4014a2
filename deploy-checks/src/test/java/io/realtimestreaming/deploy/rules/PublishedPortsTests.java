package io.realtimestreaming.deploy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.deploy.compose.ComposeFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishedPortsTests {

  @Test
  void flagsARequiredPortNoServicePublishes() {
    ComposeFile compose =
        ComposeFile.parse(
            """
            services:
              web: {image: "a:1.0", ports: ["127.0.0.1:8080:8080"]}
              internal: {image: "a:1.0", ports: ["9021"], expose: ["9042"]}
            """);

    assertThat(PublishedPorts.check(compose, List.of(8080, 9021, 9042)))
        .extracting(Violation::subject)
        .containsExactly("host port 9021", "host port 9042");
  }

  @Test
  void flagsAHostPortPublishedTwice() {
    ComposeFile compose =
        ComposeFile.parse(
            """
            services:
              spark-master: {image: "a:1.0", ports: ["8080:8080"]}
              airflow: {image: "a:1.0", ports: ["8080:8080"]}
            """);

    assertThat(PublishedPorts.check(compose, List.of(8080)))
        .containsExactly(
            new Violation(
                PublishedPorts.RULE,
                "host port 8080",
                "published by spark-master and airflow; only one can bind it"));
  }
}
