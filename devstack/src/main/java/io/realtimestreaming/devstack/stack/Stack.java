package io.realtimestreaming.devstack.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The no-Docker stack: starts services in dependency order (independent ones in parallel, so the
 * slowest, Cassandra, sets the pace), stops them by PID, and reports their state.
 */
public final class Stack {

  private final StackSettings settings;
  private final Map<String, ServiceSpec> catalog = new LinkedHashMap<>();
  private final PidFiles pids;

  public Stack(StackSettings settings, List<ServiceSpec> specs) {
    this.settings = settings;
    specs.forEach(spec -> catalog.put(spec.name(), spec));
    this.pids = new PidFiles(settings);
  }

  public List<String> serviceNames() {
    return List.copyOf(catalog.keySet());
  }

  /**
   * Starts {@code names} (the infrastructure when empty) and what they depend on. Answers the
   * failures: empty when every service is ready. Synchronized as well as locked: the file lock
   * serializes processes, not one process's threads (a shutdown hook's {@code down}, say).
   */
  public synchronized List<String> up(List<String> names, Consumer<String> progress) {
    try (StackLock lock = StackLock.acquire(settings)) {
      return upLocked(withDependencies(names), progress);
    }
  }

  private List<String> upLocked(List<ServiceSpec> wanted, Consumer<String> progress) {
    ServiceLauncher launcher = new ServiceLauncher(settings, new Runtimes(settings), pids);
    Map<String, CompletableFuture<Void>> started = new HashMap<>();
    List<String> failures = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, wanted.size()));
    try {
      for (ServiceSpec spec : wanted) {
        CompletableFuture<?>[] deps =
            spec.dependsOn().stream().map(started::get).toArray(CompletableFuture[]::new);
        started.put(
            spec.name(),
            CompletableFuture.allOf(deps)
                .thenRunAsync(() -> progress.accept(startOne(launcher, spec)), pool));
      }
      for (ServiceSpec spec : wanted) {
        try {
          started.get(spec.name()).join();
        } catch (CompletionException e) {
          String message = e.getCause().getMessage();
          failures.add(
              message.startsWith(spec.name())
                  ? message
                  : spec.name() + ": not started, a service it depends on failed");
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return failures;
  }

  /**
   * Stops {@code names} (all when empty): the applications first, so they don't log a storm of
   * connection errors, then the infrastructure in parallel, ZooKeeper after Kafka.
   */
  public synchronized void down(List<String> names, Duration timeout, Consumer<String> progress) {
    try (StackLock lock = StackLock.acquire(settings)) {
      downLocked(names, timeout, progress);
    }
  }

  private void downLocked(List<String> names, Duration timeout, Consumer<String> progress) {
    List<String> targets = names.isEmpty() ? serviceNames() : names;
    targets.forEach(this::spec);
    ServiceStopper stopper = new ServiceStopper(pids, timeout);
    targets.stream()
        .filter(name -> !spec(name).infrastructure())
        .toList()
        .forEach(name -> stopOne(stopper, name, progress));
    targets = targets.stream().filter(name -> spec(name).infrastructure()).toList();
    List<String> last = targets.contains("zookeeper") ? List.of("zookeeper") : List.of();
    List<CompletableFuture<Void>> first =
        targets.stream()
            .filter(name -> !last.contains(name))
            .map(name -> CompletableFuture.runAsync(() -> stopOne(stopper, name, progress)))
            .toList();
    CompletableFuture.allOf(first.toArray(CompletableFuture[]::new)).join();
    last.forEach(name -> stopOne(stopper, name, progress));
  }

  public List<ServiceState> status() {
    List<ServiceState> states = new ArrayList<>();
    for (ServiceSpec spec : catalog.values()) {
      Long pid = pids.running(spec.name()).orElse(null);
      String state = pid == null ? "stopped" : spec.health(settings, pid).toString();
      long rss = pid == null ? 0 : Processes.residentBytes(pid);
      states.add(
          new ServiceState(spec.name(), spec.role(), spec.address(settings), pid, state, rss));
    }
    return states;
  }

  /** The services that have a live process. */
  public List<String> runningServices() {
    return catalog.keySet().stream().filter(name -> pids.running(name).isPresent()).toList();
  }

  public ServiceSpec spec(String name) {
    ServiceSpec spec = catalog.get(name);
    if (spec == null) {
      throw new IllegalArgumentException(
          "unknown service '" + name + "'; known: " + String.join(", ", catalog.keySet()));
    }
    return spec;
  }

  private String startOne(ServiceLauncher launcher, ServiceSpec spec) {
    try {
      return launcher.start(spec);
    } catch (ServiceFailedException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceFailedException(spec.name(), "start interrupted");
    } catch (Exception e) {
      throw new ServiceFailedException(spec.name(), "failed: " + e, settings);
    }
  }

  private static void stopOne(ServiceStopper stopper, String name, Consumer<String> progress) {
    try {
      stopper.stop(name).ifPresent(progress);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<ServiceSpec> withDependencies(List<String> names) {
    Set<String> wanted = new LinkedHashSet<>();
    List<String> roots =
        names.isEmpty()
            ? catalog.values().stream()
                .filter(ServiceSpec::infrastructure)
                .map(ServiceSpec::name)
                .toList()
            : names;
    roots.forEach(name -> addWithDependencies(name, wanted));
    return catalog.values().stream().filter(spec -> wanted.contains(spec.name())).toList();
  }

  private void addWithDependencies(String name, Set<String> wanted) {
    if (wanted.add(name)) {
      spec(name).dependsOn().forEach(dep -> addWithDependencies(dep, wanted));
    }
  }
}
