package io.realtimestreaming.deploy.compose;

import java.util.Map;
import java.util.Optional;

/**
 * One entry of a service's {@code ports}: {@code [host_ip:][published:]target[/protocol]}, or the
 * long syntax. Without a published port the host gets a random one.
 */
public record PortMapping(Optional<String> hostIp, Optional<String> published, String target) {

  static PortMapping parse(Object entry) {
    if (entry instanceof Map<?, ?> map) {
      return new PortMapping(
          Optional.ofNullable(map.get("host_ip")).map(Object::toString),
          Optional.ofNullable(map.get("published")).map(Object::toString),
          String.valueOf(map.get("target")));
    }
    String text = entry.toString().strip();
    // split from the right: the host IP may be an IPv6 address or a ${VARIABLE:-default}
    int last = text.lastIndexOf(':');
    String target = text.substring(last + 1).replaceFirst("/.*$", "");
    if (last < 0) {
      return new PortMapping(Optional.empty(), Optional.empty(), target);
    }
    String rest = text.substring(0, last);
    int previous = rest.lastIndexOf(':');
    // a colon inside ${...} is the variable's, not the separator's
    if (previous < 0 || rest.lastIndexOf('}') > previous) {
      return new PortMapping(Optional.empty(), Optional.of(rest), target);
    }
    return new PortMapping(
        Optional.of(rest.substring(0, previous)),
        Optional.of(rest.substring(previous + 1)),
        target);
  }

  /** True when the host's {@code port} leads to this mapping. */
  public boolean publishes(int port) {
    return published.filter(p -> p.equals(Integer.toString(port))).isPresent();
  }
}
