package io.realtimestreaming.deploy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.deploy.compose.ComposeFile;
import org.junit.jupiter.api.Test;

class HealthchecksTests {

  @Test
  void flagsALongRunningServiceWithoutHealthcheck() {
    ComposeFile compose =
        ComposeFile.parse(
            """
            services:
              checked:
                image: a:1.0
                healthcheck: {test: ["CMD", "true"]}
              unchecked:
                image: a:1.0
              disabled:
                image: a:1.0
                healthcheck: {disable: true}
            """);

    assertThat(Healthchecks.check(compose))
        .extracting(Violation::subject)
        .containsExactly("unchecked", "disabled");
  }

  @Test
  void exemptsOneShotsOnly() {
    ComposeFile compose =
        ComposeFile.parse(
            """
            services:
              init:
                image: a:1.0
                restart: "no"
              restarting-init:
                image: a:1.0
                restart: unless-stopped
              half-waited:
                image: a:1.0
              app:
                image: a:1.0
                healthcheck: {test: ["CMD", "true"]}
                depends_on:
                  init: {condition: service_completed_successfully}
                  restarting-init: {condition: service_completed_successfully}
                  half-waited: {condition: service_completed_successfully}
              other:
                image: a:1.0
                healthcheck: {test: ["CMD", "true"]}
                depends_on:
                  half-waited: {condition: service_started}
            """);

    assertThat(Healthchecks.check(compose))
        .extracting(Violation::subject)
        .containsExactly("restarting-init", "half-waited");
  }
}
