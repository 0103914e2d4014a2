package io.realtimestreaming.deploy.rules;

import io.realtimestreaming.deploy.compose.ComposeFile;
import io.realtimestreaming.deploy.compose.ComposeService;
import io.realtimestreaming.deploy.compose.Confinement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The services named as hardened (the images this repository builds for its applications) run with
 * a read-only root filesystem and a tmpfs at /tmp for what they write, and with every capability
 * dropped and none added back: nothing in the container can change its programs.
 */
public final class ReadOnlyServices {

  public static final String RULE = "read-only-services";

  private ReadOnlyServices() {}

  public static List<Violation> check(ComposeFile compose, Collection<String> hardened) {
    List<Violation> violations = new ArrayList<>();
    for (String name : hardened) {
      Optional<ComposeService> service = compose.service(name);
      if (service.isEmpty()) {
        violations.add(new Violation(RULE, name, "no such service, yet it is listed as hardened"));
        continue;
      }
      Confinement confinement = service.get().confinement();
      if (!confinement.readOnly()) {
        violations.add(
            new Violation(RULE, name, "its root filesystem is writable: set read_only: true"));
      }
      if (!confinement.tmpfsPaths().contains("/tmp")) {
        violations.add(
            new Violation(
                RULE,
                name,
                "mounts no tmpfs at /tmp, where the JVM and the application write (tmpfs:"
                    + " [\"/tmp:size=64m\"])"));
      }
      if (!confinement.dropsAllCapabilities() || !confinement.capAdd().isEmpty()) {
        violations.add(
            new Violation(
                RULE,
                name,
                "keeps capabilities (cap_drop "
                    + confinement.capDrop()
                    + ", cap_add "
                    + confinement.capAdd()
                    + "): drop ALL and add none"));
      }
    }
    return violations;
  }
}
