package io.realtimestreaming.deploy.rules;

import io.realtimestreaming.deploy.compose.ComposeFile;
import io.realtimestreaming.deploy.compose.ComposeService;
import io.realtimestreaming.deploy.compose.Confinement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * No container gains privileges it was not started with: every service sets {@code
 * no-new-privileges:true} and drops every Linux capability ({@code cap_drop: [ALL]}), and adds back
 * only the capabilities allowed for it (an image whose entrypoint starts as root and steps down to
 * its own user needs a few; name them, with the reason, where the rule is applied).
 */
public final class ContainerPrivileges {

  public static final String RULE = "container-privileges";

  private ContainerPrivileges() {}

  /**
   * @param allowedCapabilities service name -> the capabilities it may add back; others add none
   */
  public static List<Violation> check(
      ComposeFile compose, Map<String, ? extends Collection<String>> allowedCapabilities) {
    List<Violation> violations = new ArrayList<>();
    for (ComposeService service : compose.services().values()) {
      Confinement confinement = service.confinement();
      if (!confinement.noNewPrivileges()) {
        violations.add(
            new Violation(
                RULE,
                service.name(),
                "lacks security_opt no-new-privileges:true: a setuid binary in the image could"
                    + " raise a process's privileges"));
      }
      if (!confinement.dropsAllCapabilities()) {
        violations.add(
            new Violation(
                RULE,
                service.name(),
                "keeps Docker's default capabilities: set cap_drop: [ALL] and add back (cap_add)"
                    + " only what its entrypoint needs"));
      }
      Set<String> allowed = new TreeSet<>();
      Collection<String> granted = allowedCapabilities.get(service.name());
      if (granted != null) {
        granted.forEach(c -> allowed.add(normalize(c)));
      }
      List<String> extra =
          confinement.capAdd().stream()
              .map(ContainerPrivileges::normalize)
              .filter(c -> !allowed.contains(c))
              .toList();
      if (!extra.isEmpty()) {
        violations.add(
            new Violation(
                RULE,
                service.name(),
                "adds back "
                    + extra
                    + ", which it is not allowed"
                    + (allowed.isEmpty() ? "" : " (allowed: " + allowed + ")")));
      }
    }
    return violations;
  }

  /** {@code cap_chown}, {@code CAP_CHOWN} and {@code CHOWN} name one capability. */
  private static String normalize(String capability) {
    String upper = capability.strip().toUpperCase(Locale.ROOT);
    return upper.startsWith("CAP_") ? upper.substring(4) : upper;
  }
}
