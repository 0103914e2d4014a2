package io.realtimestreaming.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.devstack.service.ServiceCatalog;
import io.realtimestreaming.devstack.stack.PidFiles;
import io.realtimestreaming.devstack.stack.Processes;
import io.realtimestreaming.devstack.stack.Stack;
import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.model.ingest.IngestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The whole pipeline as processes: the devstack's infrastructure plus the ingest-service and
 * stream-job jars, started, stopped and killed the way an operator (or a crash) would.
 */
final class RunningPipeline {

  final StackSettings settings;

  /** The pipeline's own services of the topology: its ingest instances and the stream job. */
  final List<String> apps;

  final Stack stack;
  final IngestClient api;
  private final PidFiles pids;

  RunningPipeline() {
    Path root = Path.of("..").toAbsolutePath().normalize();
    this.settings = StackSettings.fromEnvironment(root, System.getenv());
    this.stack = new Stack(settings, ServiceCatalog.all(settings.topology()));
    this.pids = new PidFiles(settings);
    this.api = new IngestClient(settings.ingestServiceUrl(), settings.ingestApiKey());
    this.apps = new java.util.ArrayList<>(settings.topology().ingestInstances());
    apps.add("stream-job");
  }

  /** A client of one ingest instance ({@code ingest-service-2} of the cluster, say). */
  IngestClient api(String instance) {
    return new IngestClient(settings.ingestServiceUrl(instance), settings.ingestApiKey());
  }

  /** The run as the first ingest instance that answers reports it: any instance serves any run. */
  io.realtimestreaming.model.ingest.RunReport report(java.util.UUID run) {
    RuntimeException last = null;
    for (String instance : settings.topology().ingestInstances()) {
      try {
        return api(instance).run(run);
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw last;
  }

  /** Starts whatever of the pipeline is not running (idempotent). */
  void up(String... services) {
    List<String> failures =
        stack.up(services.length == 0 ? apps : List.of(services), System.out::println);
    assertThat(failures).as("services that failed to start").isEmpty();
  }

  /** Stops a service the way {@code ./pipeline down SERVICE} does: SIGTERM, then waits. */
  void stop(String service) {
    stack.down(List.of(service), Duration.ofSeconds(30), System.out::println);
  }

  /** A crash: SIGKILL, no shutdown hooks, no chance to flush or commit anything. */
  void kill(String service) {
    long pid =
        pids.running(service).orElseThrow(() -> new AssertionError(service + " is not running"));
    killPid(pid);
    System.out.println(service + ": killed PID " + pid + " with SIGKILL");
  }

  /**
   * A machine's loss: SIGKILL to the service and every process it started (a Spark worker's
   * executors), children first, so none is left to notice its parent gone.
   */
  void killTree(String service) {
    long pid =
        pids.running(service).orElseThrow(() -> new AssertionError(service + " is not running"));
    List<ProcessHandle> children =
        ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of());
    children.forEach(child -> killPid(child.pid()));
    killPid(pid);
    System.out.println(
        service + ": killed PID " + pid + " and its " + children.size() + " children with SIGKILL");
  }

  /**
   * A crash of PostgreSQL's server (its postmaster) under the devstack's wrapper process, which
   * lives on: what a kill by the kernel's OOM killer does.
   */
  void killPostgresServer() throws java.io.IOException {
    java.nio.file.Path pidFile = settings.dataDir("postgres").resolve("pgdata/postmaster.pid");
    long pid = Long.parseLong(java.nio.file.Files.readAllLines(pidFile).get(0).strip());
    killPid(pid);
    System.out.println("postgres: killed its server (postmaster PID " + pid + ") with SIGKILL");
  }

  /** The state {@code ./pipeline status} shows for the service. */
  String state(String service) {
    return stack.status().stream()
        .filter(s -> s.service().equals(service))
        .findFirst()
        .orElseThrow()
        .state();
  }

  private static void killPid(long pid) {
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    Instant deadline = Instant.now().plusSeconds(10);
    while (Processes.isAlive(pid) && Instant.now().isBefore(deadline)) {
      Thread.onSpinWait();
    }
  }

  boolean isRunning(String service) {
    return pids.running(service).isPresent();
  }
}
