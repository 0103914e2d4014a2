package io.realtimestreaming.deploy.rules;

import io.realtimestreaming.deploy.compose.ComposeFile;
import io.realtimestreaming.deploy.compose.ComposeService;
import io.realtimestreaming.deploy.compose.Dependency;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Services start in order and only once what they need is ready: every {@code depends_on} names a
 * service of the file and waits with {@code service_healthy} (the service has a healthcheck) or
 * {@code service_completed_successfully} (the service does not restart), and the dependencies form
 * no cycle.
 */
public final class HealthGatedDependencies {

  public static final String RULE = "health-gated-dependencies";

  private HealthGatedDependencies() {}

  public static List<Violation> check(ComposeFile compose) {
    List<Violation> violations = new ArrayList<>();
    for (ComposeService service : compose.services().values()) {
      for (Dependency dependency : service.dependsOn().values()) {
        problem(compose, dependency)
            .ifPresent(p -> violations.add(new Violation(RULE, service.name(), p)));
      }
    }
    cycles(compose)
        .forEach(
            cycle ->
                violations.add(
                    new Violation(
                        RULE, cycle, "the dependencies form a cycle: no order starts them")));
    return violations;
  }

  private static Optional<String> problem(ComposeFile compose, Dependency dependency) {
    Optional<ComposeService> target = compose.service(dependency.service());
    if (target.isEmpty()) {
      return Optional.of(
          "depends on " + dependency.service() + ", which is no service of the file");
    }
    if (!dependency.isGated()) {
      return Optional.of(
          "waits for "
              + dependency.service()
              + " with condition "
              + dependency.condition()
              + " (what the list syntax means): use service_healthy, or"
              + " service_completed_successfully for a one-shot");
    }
    if (dependency.condition().equals(Dependency.HEALTHY) && !target.get().hasHealthcheck()) {
      return Optional.of(
          "waits for " + dependency.service() + " to be healthy, but it has no healthcheck");
    }
    Optional<String> restart =
        target.get().restart().filter(r -> !r.equals("no") && !r.equals("on-failure"));
    if (dependency.condition().equals(Dependency.COMPLETED) && restart.isPresent()) {
      return Optional.of(
          "waits for "
              + dependency.service()
              + " to complete, but it restarts (restart: "
              + restart.get()
              + ")");
    }
    return Optional.empty();
  }

  /** Each cycle once, as "a -> b -> a", found by depth-first search. */
  private static List<String> cycles(ComposeFile compose) {
    List<String> cycles = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (String name : compose.services().keySet()) {
      visit(compose, name, new LinkedHashSet<>(), done, cycles);
    }
    return cycles;
  }

  private static void visit(
      ComposeFile compose,
      String name,
      LinkedHashSet<String> path,
      Set<String> done,
      List<String> cycles) {
    if (done.contains(name) || compose.service(name).isEmpty()) {
      return;
    }
    if (path.contains(name)) {
      List<String> onPath = new ArrayList<>(path);
      List<String> cycle = new ArrayList<>(onPath.subList(onPath.indexOf(name), onPath.size()));
      cycle.add(name);
      cycles.add(String.join(" -> ", cycle));
      return;
    }
    path.add(name);
    for (String next : compose.require(name).dependsOn().keySet()) {
      visit(compose, next, path, done, cycles);
    }
    path.remove(name);
    done.add(name);
  }
}
