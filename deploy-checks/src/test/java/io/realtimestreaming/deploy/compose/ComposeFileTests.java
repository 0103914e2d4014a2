package io.realtimestreaming.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComposeFileTests {

  private static final ComposeFile COMPOSE =
      ComposeFile.parse(
          """
          x-common: &common
            image: app:1.0.0
            environment: &env
              SHARED: "yes"
          services:
            db:
              image: postgres:17.6
              ports: ["${PUBLISH_ADDRESS:-127.0.0.1}:5432:5432", "7000"]
              healthcheck:
                test: ["CMD", "pg_isready"]
            app:
              <<: *common
              environment:
                <<: *env
                PORT: 8088
                EMPTY:
              depends_on:
                db:
                  condition: service_healthy
                init:
                  condition: service_completed_successfully
                  required: false
              ports:
                - target: 8088
                  published: 18088
              healthcheck:
                test: NONE
            init:
              image: app:1.0.0
              restart: "no"
              environment: ["A=1", "B"]
              command: run --once $$HOME ${STEP?needed}
            web:
              build: ./web
              depends_on: [app]
          """);

  @Test
  void resolvesMergeKeysAndBothEnvironmentForms() {
    assertThat(COMPOSE.require("app").image()).contains("app:1.0.0");
    assertThat(COMPOSE.require("app").environment())
        .containsEntry("SHARED", "yes")
        .containsEntry("PORT", "8088")
        .containsEntry("EMPTY", "");
    assertThat(COMPOSE.require("init").environment())
        .containsEntry("A", "1")
        .containsEntry("B", "");
  }

  @Test
  void readsPortsInShortAndLongSyntax() {
    assertThat(COMPOSE.require("db").ports().get(0))
        .isEqualTo(
            new PortMapping(
                Optional.of("${PUBLISH_ADDRESS:-127.0.0.1}"), Optional.of("5432"), "5432"));
    assertThat(COMPOSE.require("db").ports().get(1).published()).isEmpty();
    assertThat(COMPOSE.require("app").publishes(18088)).isTrue();
    assertThat(COMPOSE.require("app").publishes(8088)).isFalse();
  }

  @Test
  void readsDependenciesWithTheirConditions() {
    assertThat(COMPOSE.require("app").dependsOn())
        .containsEntry("db", new Dependency("db", Dependency.HEALTHY, true))
        .containsEntry("init", new Dependency("init", Dependency.COMPLETED, false));
    assertThat(COMPOSE.require("web").dependsOn())
        .containsEntry("app", new Dependency("app", Dependency.STARTED, true));
    assertThat(COMPOSE.dependentsOf("db")).containsOnlyKeys("app");
  }

  @Test
  void healthcheckNoneIsNoHealthcheck() {
    assertThat(COMPOSE.require("db").hasHealthcheck()).isTrue();
    assertThat(COMPOSE.require("app").hasHealthcheck()).isFalse();
  }

  @Test
  void aOneShotIsWaitedForToComplete() {
    assertThat(COMPOSE.isOneShot("init")).isTrue();
    assertThat(COMPOSE.isOneShot("db")).isFalse();
    assertThat(COMPOSE.isOneShot("web")).isFalse();
  }

  @Test
  void buildNamesTheDockerfile() {
    assertThat(COMPOSE.require("web").dockerfile()).contains("./web/Dockerfile");
    assertThat(COMPOSE.require("web").isBuilt()).isTrue();
  }

  @Test
  void collectsVariablesButNotEscapedDollars() {
    assertThat(COMPOSE.variables())
        .containsExactlyInAnyOrder(
            new VariableReference("PUBLISH_ADDRESS", ":-", "127.0.0.1"),
            new VariableReference("STEP", "?", "needed"));
  }

  @Test
  void readsTheHealthcheckTest() {
    assertThat(COMPOSE.require("db").healthcheck()).containsExactly("CMD", "pg_isready");
    assertThat(COMPOSE.require("app").healthcheck()).isEmpty();
  }

  @Test
  void anOverrideAddsPortsAndReplacesOtherValues() {
    ComposeFile merged =
        ComposeFile.parse(
            """
            x-env: &env {SHARED: "yes"}
            services:
              db:
                image: postgres:17.6
                ports: ["127.0.0.1:8080:8080"]
                environment: *env
                command: [postgres]
              web: {image: "web:1.0"}
            """,
            """
            services:
              db:
                ports: ["${PUBLISH_ADDRESS:-127.0.0.1}:5432:5432"]
                environment: {EXTRA: "1"}
                command: [postgres, -c, fsync=on]
            """);

    ComposeService db = merged.require("db");
    assertThat(db.ports())
        .extracting(PortMapping::published)
        .containsExactly(Optional.of("8080"), Optional.of("5432"));
    assertThat(db.environment()).containsEntry("SHARED", "yes").containsEntry("EXTRA", "1");
    assertThat(db.command()).containsExactly("postgres", "-c", "fsync=on");
    assertThat(merged.require("web").ports()).isEmpty();
    assertThat(merged.variables())
        .containsExactly(new VariableReference("PUBLISH_ADDRESS", ":-", "127.0.0.1"));
  }

  @Test
  void namesTheServicesThereAreWhenOneIsMissing() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> COMPOSE.require("nope"))
        .withMessageContaining("[db, app, init, web]");
  }
}
