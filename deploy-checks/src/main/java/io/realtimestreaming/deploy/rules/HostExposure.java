package io.realtimestreaming.deploy.rules;

import io.realtimestreaming.deploy.compose.ComposeFile;
import io.realtimestreaming.deploy.compose.ComposeService;
import io.realtimestreaming.deploy.compose.PortMapping;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a compose file opens on the host. {@link #onlyPublishes}: it publishes the ports users open
 * and nothing else (databases, brokers and debug endpoints stay on the compose network unless an
 * opt-in override publishes them). {@link #listensOn}: every published port names the host address
 * it listens on, so that one setting (PUBLISH_ADDRESS) decides it; a port without one listens on
 * every interface of the host.
 */
public final class HostExposure {

  public static final String RULE = "host-exposure";

  private HostExposure() {}

  public static List<Violation> onlyPublishes(ComposeFile compose, Collection<Integer> allowed) {
    List<Violation> violations = new ArrayList<>();
    for (ComposeService service : compose.services().values()) {
      for (PortMapping port : service.ports()) {
        boolean isAllowed =
            port.published().isPresent() && allowed.stream().anyMatch(p -> port.publishes(p));
        if (!isAllowed) {
          violations.add(
              new Violation(
                  RULE,
                  service.name(),
                  "publishes "
                      + port.published().map(p -> "host port " + p).orElse("a random host port")
                      + " (container port "
                      + port.target()
                      + "); this file publishes only "
                      + allowed
                      + ": publish others in an opt-in override file"));
        }
      }
    }
    return violations;
  }

  public static List<Violation> listensOn(ComposeFile compose, String hostAddress) {
    List<Violation> violations = new ArrayList<>();
    for (ComposeService service : compose.services().values()) {
      for (PortMapping port : service.ports()) {
        if (!port.hostIp().filter(hostAddress::equals).isPresent()) {
          violations.add(
              new Violation(
                  RULE,
                  service.name(),
                  "publishes container port "
                      + port.target()
                      + " on "
                      + port.hostIp().orElse("every interface of the host")
                      + ": listen on "
                      + hostAddress));
        }
      }
    }
    return violations;
  }
}
