package io.realtimestreaming.deploy.compose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service of a compose file, with the keys the deployment rules read. {@code image} is the
 * image run, or for a service with {@code build} the name given to the image built; {@code
 * healthcheck} is its healthcheck's {@code test}, empty when it has none (or {@code NONE}, or
 * disabled); {@code scale} how many containers run it ({@code scale}, default 1).
 */
public record ComposeService(
    String name,
    Optional<String> image,
    Optional<String> dockerfile,
    List<String> healthcheck,
    Map<String, Dependency> dependsOn,
    List<PortMapping> ports,
    Map<String, String> environment,
    Optional<String> restart,
    List<String> profiles,
    List<String> entrypoint,
    List<String> command,
    List<String> volumes,
    Confinement confinement,
    int scale) {

  static ComposeService from(String name, Map<?, ?> yaml) {
    return new ComposeService(
        name,
        Optional.ofNullable(yaml.get("image")).map(Object::toString),
        dockerfile(yaml.get("build")),
        healthcheck(yaml.get("healthcheck")),
        dependencies(yaml.get("depends_on")),
        list(yaml.get("ports")).stream().map(PortMapping::parse).toList(),
        environment(yaml.get("environment")),
        Optional.ofNullable(yaml.get("restart")).map(Object::toString),
        strings(yaml.get("profiles")),
        strings(yaml.get("entrypoint")),
        strings(yaml.get("command")),
        list(yaml.get("volumes")).stream().map(ComposeService::volume).toList(),
        Confinement.from(yaml),
        yaml.get("scale") == null ? 1 : Integer.parseInt(yaml.get("scale").toString()));
  }

  public boolean hasHealthcheck() {
    return !healthcheck.isEmpty();
  }

  /** Built from a Dockerfile of the repository rather than pulled. */
  public boolean isBuilt() {
    return dockerfile.isPresent();
  }

  public boolean publishes(int port) {
    return ports.stream().anyMatch(p -> p.publishes(port));
  }

  /** The path of the Dockerfile relative to the compose file: build context + dockerfile. */
  private static Optional<String> dockerfile(Object build) {
    if (build == null) {
      return Optional.empty();
    }
    if (build instanceof Map<?, ?> map) {
      String context = String.valueOf(map.get("context") == null ? "." : map.get("context"));
      String file =
          String.valueOf(map.get("dockerfile") == null ? "Dockerfile" : map.get("dockerfile"));
      return Optional.of(context.equals(".") ? file : context.replaceAll("/+$", "") + "/" + file);
    }
    return Optional.of(build.toString().replaceAll("/+$", "") + "/Dockerfile");
  }

  private static List<String> healthcheck(Object healthcheck) {
    if (!(healthcheck instanceof Map<?, ?> map) || Boolean.TRUE.equals(map.get("disable"))) {
      return List.of();
    }
    List<String> test = strings(map.get("test"));
    return test.isEmpty() || test.get(0).equals("NONE") ? List.of() : test;
  }

  private static Map<String, Dependency> dependencies(Object dependsOn) {
    Map<String, Dependency> dependencies = new LinkedHashMap<>();
    if (dependsOn instanceof Map<?, ?> map) {
      map.forEach(
          (service, spec) -> {
            Map<?, ?> options = spec instanceof Map<?, ?> m ? m : Map.of();
            Object condition = options.get("condition");
            dependencies.put(
                service.toString(),
                new Dependency(
                    service.toString(),
                    condition == null ? Dependency.STARTED : condition.toString(),
                    !Boolean.FALSE.equals(options.get("required"))));
          });
    } else {
      strings(dependsOn)
          .forEach(s -> dependencies.put(s, new Dependency(s, Dependency.STARTED, true)));
    }
    return dependencies;
  }

  private static Map<String, String> environment(Object environment) {
    Map<String, String> values = new LinkedHashMap<>();
    if (environment instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> values.put(key.toString(), value == null ? "" : value.toString()));
    } else {
      for (String entry : strings(environment)) {
        String[] pair = entry.split("=", 2);
        values.put(pair[0], pair.length > 1 ? pair[1] : "");
      }
    }
    return values;
  }

  private static String volume(Object entry) {
    if (entry instanceof Map<?, ?> map) {
      return map.get("source") + ":" + map.get("target");
    }
    return entry.toString();
  }

  /** A string is split on whitespace, as Compose splits a string {@code command}. */
  static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(String::valueOf).toList();
    }
    return Arrays.stream(value.toString().strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }

  private static List<Object> list(Object value) {
    return value instanceof Collection<?> items ? new ArrayList<>(items) : List.of();
  }
}
