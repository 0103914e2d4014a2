package io.realtimestreaming.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfinementTests {

  private static final ComposeFile COMPOSE =
      ComposeFile.parse(
          """
          services:
            app:
              image: app:1.0
              security_opt: ["no-new-privileges:true"]
              cap_drop: [ALL]
              cap_add: [CHOWN]
              read_only: true
              tmpfs: ["/tmp:size=64m", /run]
              mem_limit: 768m
            swarm:
              image: app:1.0
              security_opt: [no-new-privileges]
              tmpfs: /tmp
              deploy: {resources: {limits: {memory: 1g}}}
            bare:
              image: app:1.0
              security_opt: ["label:disable"]
              cap_drop: [NET_RAW]
          """);

  @Test
  void readsEveryLimit() {
    Confinement app = COMPOSE.require("app").confinement();

    assertThat(app.noNewPrivileges()).isTrue();
    assertThat(app.dropsAllCapabilities()).isTrue();
    assertThat(app.capAdd()).containsExactly("CHOWN");
    assertThat(app.readOnly()).isTrue();
    assertThat(app.tmpfsPaths()).containsExactly("/tmp", "/run");
    assertThat(app.memoryLimit()).contains("768m");
  }

  @Test
  void readsTheOtherSpellings() {
    Confinement swarm = COMPOSE.require("swarm").confinement();

    assertThat(swarm.noNewPrivileges()).isTrue();
    assertThat(swarm.tmpfsPaths()).containsExactly("/tmp");
    assertThat(swarm.memoryLimit()).contains("1g");
  }

  @Test
  void absentMeansUnconfined() {
    Confinement bare = COMPOSE.require("bare").confinement();

    assertThat(bare.noNewPrivileges()).isFalse();
    assertThat(bare.dropsAllCapabilities()).isFalse();
    assertThat(bare.readOnly()).isFalse();
    assertThat(bare.memoryLimit()).isEqualTo(Optional.empty());
  }
}
