package io.realtimestreaming.deploy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.deploy.compose.ComposeFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadOnlyServicesTests {

  private static final ComposeFile COMPOSE =
      ComposeFile.parse(
          """
          services:
            app:
              image: app:1.0
              cap_drop: [ALL]
              read_only: true
              tmpfs: ["/tmp:size=64m"]
            writable:
              image: app:1.0
              cap_drop: [ALL]
              tmpfs: [/tmp]
            privileged:
              image: app:1.0
              cap_drop: [ALL]
              cap_add: [CHOWN]
              read_only: true
              tmpfs: [/run]
          """);

  @Test
  void passesForAReadOnlyServiceWithATmpAndNoCapabilities() {
    assertThat(ReadOnlyServices.check(COMPOSE, List.of("app"))).isEmpty();
  }

  @Test
  void flagsAWritableRootFilesystem() {
    assertThat(ReadOnlyServices.check(COMPOSE, List.of("writable")))
        .containsExactly(
            new Violation(
                ReadOnlyServices.RULE,
                "writable",
                "its root filesystem is writable: set read_only: true"));
  }

  @Test
  void flagsAMissingTmpAndCapabilitiesAddedBack() {
    assertThat(ReadOnlyServices.check(COMPOSE, List.of("privileged")))
        .extracting(Violation::problem)
        .containsExactly(
            "mounts no tmpfs at /tmp, where the JVM and the application write (tmpfs:"
                + " [\"/tmp:size=64m\"])",
            "keeps capabilities (cap_drop [ALL], cap_add [CHOWN]): drop ALL and add none");
  }

  @Test
  void flagsAHardenedServiceThatIsNotThere() {
    assertThat(ReadOnlyServices.check(COMPOSE, List.of("gone")))
        .extracting(Violation::subject)
        .containsExactly("gone");
  }
}
