package io.realtimestreaming.deploy.rules;

import io.realtimestreaming.deploy.compose.ComposeFile;
import io.realtimestreaming.deploy.compose.ComposeService;
import io.realtimestreaming.deploy.compose.PortMapping;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The host ports users are told about (Airflow 8080, Control Center 9021, ...) are published by
 * some service, and no host port is published twice (the second service could not start).
 */
public final class PublishedPorts {

  public static final String RULE = "published-ports";

  private PublishedPorts() {}

  public static List<Violation> check(ComposeFile compose, Collection<Integer> required) {
    Map<String, List<String>> publishers = new TreeMap<>();
    for (ComposeService service : compose.services().values()) {
      for (PortMapping port : service.ports()) {
        port.published()
            .ifPresent(
                p -> publishers.computeIfAbsent(p, k -> new ArrayList<>()).add(service.name()));
      }
    }
    List<Violation> violations = new ArrayList<>();
    for (int port : required) {
      if (!publishers.containsKey(Integer.toString(port))) {
        violations.add(new Violation(RULE, "host port " + port, "no service publishes it"));
      }
    }
    publishers.forEach(
        (port, services) -> {
          if (services.size() > 1) {
            violations.add(
                new Violation(
                    RULE,
                    "host port " + port,
                    "published by " + String.join(" and ", services) + "; only one can bind it"));
          }
        });
    return violations;
  }
}
