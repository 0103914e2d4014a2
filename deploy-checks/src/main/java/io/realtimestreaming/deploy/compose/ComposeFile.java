package io.realtimestreaming.deploy.compose;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A parsed docker-compose.yml, with any override files applied: its services (YAML anchors and
 * merge keys resolved) and every variable reference Compose would interpolate, anywhere in the
 * files.
 */
public record ComposeFile(Map<String, ComposeService> services, List<VariableReference> variables) {

  public ComposeFile {
    services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    variables = List.copyOf(variables);
  }

  /** Multi-value options that an override file adds to rather than replaces. */
  private static final Set<String> APPENDED = Set.of("ports", "expose");

  /**
   * The compose file {@code yaml} with {@code overrides} applied in order, as {@code docker compose
   * -f docker-compose.yml -f override.yml} applies them, for the keys the rules read: mappings
   * merge key by key, {@code ports} and {@code expose} of an override are added to the base's, and
   * any other value of an override replaces the base's.
   */
  public static ComposeFile parse(String yaml, String... overrides) {
    Object root = load(yaml);
    for (String override : overrides) {
      root = merge(root, load(override), "");
    }
    Map<?, ?> services = (Map<?, ?>) ((Map<?, ?>) root).get("services");
    Map<String, ComposeService> parsed = new LinkedHashMap<>();
    services.forEach(
        (name, service) -> {
          if (!(service instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("service '" + name + "' is not a mapping");
          }
          parsed.put(name.toString(), ComposeService.from(name.toString(), map));
        });
    List<VariableReference> variables = new ArrayList<>();
    collectVariables(root, variables);
    return new ComposeFile(parsed, variables);
  }

  public Optional<ComposeService> service(String name) {
    return Optional.ofNullable(services.get(name));
  }

  /** The service named, or an error that lists the services there are. */
  public ComposeService require(String name) {
    return service(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no service '"
                        + name
                        + "' in the compose file; services: "
                        + services.keySet()));
  }

  /** The services that wait for {@code name}, each with how it waits. */
  public Map<String, Dependency> dependentsOf(String name) {
    Map<String, Dependency> dependents = new LinkedHashMap<>();
    services
        .values()
        .forEach(
            s -> {
              Dependency d = s.dependsOn().get(name);
              if (d != null) {
                dependents.put(s.name(), d);
              }
            });
    return dependents;
  }

  /**
   * A one-shot runs to completion rather than staying up: it does not restart ({@code restart}
   * absent or {@code "no"}), at least one service waits for it, and every service that does waits
   * with {@code service_completed_successfully}.
   */
  public boolean isOneShot(String name) {
    ComposeService service = require(name);
    Map<String, Dependency> dependents = dependentsOf(name);
    return service.restart().filter(r -> !r.equals("no")).isEmpty()
        && !dependents.isEmpty()
        && dependents.values().stream().allMatch(d -> d.condition().equals(Dependency.COMPLETED));
  }

  private static Object load(String yaml) {
    Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    if (!(root instanceof Map<?, ?> top) || !(top.get("services") instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(
          "a compose file is a YAML mapping with a 'services' mapping");
    }
    return root;
  }

  /** A new tree: YAML aliases may share nodes between services, so neither input is changed. */
  private static Object merge(Object base, Object override, String key) {
    if (base instanceof Map<?, ?> baseMap && override instanceof Map<?, ?> overrideMap) {
      Map<Object, Object> merged = new LinkedHashMap<>(baseMap);
      overrideMap.forEach(
          (k, v) ->
              merged.put(k, merged.containsKey(k) ? merge(merged.get(k), v, k.toString()) : v));
      return merged;
    }
    if (APPENDED.contains(key)
        && base instanceof Collection<?> baseItems
        && override instanceof Collection<?> overrideItems) {
      List<Object> appended = new ArrayList<>(baseItems);
      appended.addAll(overrideItems);
      return appended;
    }
    return override;
  }

  private static void collectVariables(Object node, List<VariableReference> into) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            collectVariables(key, into);
            collectVariables(value, into);
          });
    } else if (node instanceof Collection<?> items) {
      items.forEach(item -> collectVariables(item, into));
    } else if (node instanceof String text) {
      into.addAll(VariableReference.scan(text));
    }
  }
}
