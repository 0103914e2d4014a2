package io.realtimestreaming.deploy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.deploy.compose.ComposeFile;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class HostExposureTests {

  private static final String ADDRESS = "${PUBLISH_ADDRESS:-127.0.0.1}";

  private static final ComposeFile COMPOSE =
      ComposeFile.parse(
          """
          services:
            airflow: {image: "a:1.0", ports: ["${PUBLISH_ADDRESS:-127.0.0.1}:8080:8080"]}
            postgres: {image: "a:1.0", ports: ["${PUBLISH_ADDRESS:-127.0.0.1}:5432:5432"]}
            debug: {image: "a:1.0", ports: ["4040"]}
            open: {image: "a:1.0", ports: ["9021:9021"]}
            local: {image: "a:1.0", ports: ["127.0.0.1:9090:8080"]}
            internal: {image: "a:1.0", expose: ["9042"]}
          """);

  @Test
  void passesWhenOnlyTheAllowedPortsArePublished() {
    assertThat(HostExposure.onlyPublishes(COMPOSE, List.of(8080, 5432, 4040, 9021, 9090)))
        .extracting(Violation::subject)
        .containsExactly("debug");
  }

  @Test
  void flagsEveryOtherPublishedPortAndRandomHostPorts() {
    assertThat(HostExposure.onlyPublishes(COMPOSE, List.of(8080, 9021, 9090)))
        .extracting(Violation::subject, Violation::problem)
        .containsExactly(
            Tuple.tuple(
                "postgres",
                "publishes host port 5432 (container port 5432); this file publishes only"
                    + " [8080, 9021, 9090]: publish others in an opt-in override file"),
            Tuple.tuple(
                "debug",
                "publishes a random host port (container port 4040); this file publishes only"
                    + " [8080, 9021, 9090]: publish others in an opt-in override file"));
  }

  @Test
  void flagsPortsThatDoNotListenOnTheConfiguredAddress() {
    assertThat(HostExposure.listensOn(COMPOSE, ADDRESS))
        .extracting(Violation::subject, Violation::problem)
        .containsExactly(
            Tuple.tuple(
                "debug",
                "publishes container port 4040 on every interface of the host: listen on "
                    + ADDRESS),
            Tuple.tuple(
                "open",
                "publishes container port 9021 on every interface of the host: listen on "
                    + ADDRESS),
            Tuple.tuple(
                "local", "publishes container port 8080 on 127.0.0.1: listen on " + ADDRESS));
  }
}
