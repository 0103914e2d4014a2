package io.realtimestreaming.deploy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.deploy.compose.ComposeFile;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ContainerPrivilegesTests {

  private static final ComposeFile COMPOSE =
      ComposeFile.parse(
          """
          services:
            app:
              image: app:1.0
              security_opt: ["no-new-privileges:true"]
              cap_drop: [ALL]
            db:
              image: postgres:17.6
              security_opt: ["no-new-privileges:true"]
              cap_drop: [ALL]
              cap_add: [CHOWN, CAP_SETUID, NET_ADMIN]
            loose:
              image: app:1.0
          """);

  @Test
  void passesWhenEveryServiceDropsEverythingAndAddsBackWhatItMay() {
    ComposeFile compose =
        ComposeFile.parse(
            """
            services:
              app: {image: "a:1.0", security_opt: [no-new-privileges], cap_drop: [all]}
              db: {image: "a:1.0", security_opt: ["no-new-privileges:true"], cap_drop: [ALL],
                   cap_add: [cap_chown]}
            """);

    assertThat(ContainerPrivileges.check(compose, Map.of("db", List.of("CHOWN")))).isEmpty();
  }

  @Test
  void flagsCapabilitiesAddedBackWithoutLeave() {
    assertThat(ContainerPrivileges.check(COMPOSE, Map.of("db", List.of("CHOWN", "SETUID"))))
        .filteredOn(v -> v.subject().equals("db"))
        .extracting(Violation::problem)
        .containsExactly(
            "adds back [NET_ADMIN], which it is not allowed (allowed: [CHOWN, SETUID])");
  }

  @Test
  void flagsAServiceWithoutNoNewPrivilegesOrCapDrop() {
    assertThat(
            ContainerPrivileges.check(
                COMPOSE, Map.of("db", List.of("CHOWN", "SETUID", "NET_ADMIN"))))
        .extracting(Violation::subject, Violation::problem)
        .containsExactly(
            Tuple.tuple(
                "loose",
                "lacks security_opt no-new-privileges:true: a setuid binary in the image could"
                    + " raise a process's privileges"),
            Tuple.tuple(
                "loose",
                "keeps Docker's default capabilities: set cap_drop: [ALL] and add back (cap_add)"
                    + " only what its entrypoint needs"));
  }
}
