package io.realtimestreaming.deploy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.deploy.compose.ComposeFile;
import org.junit.jupiter.api.Test;

class HealthGatedDependenciesTests {

  @Test
  void acceptsHealthyAndCompletedConditions() {
    ComposeFile compose =
        ComposeFile.parse(
            """
            services:
              db: {image: "a:1.0", healthcheck: {test: ["CMD", "true"]}}
              init: {image: "a:1.0", restart: "no"}
              app:
                image: a:1.0
                depends_on:
                  db: {condition: service_healthy}
                  init: {condition: service_completed_successfully}
            """);

    assertThat(HealthGatedDependencies.check(compose)).isEmpty();
  }

  @Test
  void flagsUngatedDependencies() {
    ComposeFile compose =
        ComposeFile.parse(
            """
            services:
              db: {image: "a:1.0", healthcheck: {test: ["CMD", "true"]}}
              listed: {image: "a:1.0", depends_on: [db]}
              started:
                image: a:1.0
                depends_on:
                  db: {condition: service_started}
            """);

    assertThat(HealthGatedDependencies.check(compose))
        .extracting(Violation::subject)
        .containsExactly("listed", "started");
  }

  @Test
  void flagsWaitsThatCanNeverBeMet() {
    ComposeFile compose =
        ComposeFile.parse(
            """
            services:
              nohealth: {image: "a:1.0"}
              forever: {image: "a:1.0", restart: always, healthcheck: {test: ["CMD", "true"]}}
              app:
                image: a:1.0
                depends_on:
                  nohealth: {condition: service_healthy}
                  forever: {condition: service_completed_successfully}
                  ghost: {condition: service_healthy}
            """);

    assertThat(HealthGatedDependencies.check(compose))
        .extracting(Violation::problem)
        .containsExactly(
            "waits for nohealth to be healthy, but it has no healthcheck",
            "waits for forever to complete, but it restarts (restart: always)",
            "depends on ghost, which is no service of the file");
  }

  @Test
  void flagsACycle() {
    ComposeFile compose =
        ComposeFile.parse(
            """
            services:
              a:
                image: a:1.0
                healthcheck: {test: ["CMD", "true"]}
                depends_on: {b: {condition: service_healthy}}
              b:
                image: a:1.0
                healthcheck: {test: ["CMD", "true"]}
                depends_on: {c: {condition: service_healthy}}
              c:
                image: a:1.0
                healthcheck: {test: ["CMD", "true"]}
                depends_on: {a: {condition: service_healthy}}
            """);

    assertThat(HealthGatedDependencies.check(compose))
        .containsExactly(
            new Violation(
                HealthGatedDependencies.RULE,
                "a -> b -> c -> a",
                "the dependencies form a cycle: no order starts them"));
  }
}
