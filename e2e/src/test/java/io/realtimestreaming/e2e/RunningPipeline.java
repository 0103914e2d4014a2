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

  static final List<String> APPS = List.of("ingest-service", "stream-job");

  final StackSettings settings;
  final Stack stack;
  final IngestClient api;
  private final PidFiles pids;

  RunningPipeline() {
    Path root = Path.of("..").toAbsolutePath().normalize();
    this.settings = StackSettings.fromEnvironment(root, System.getenv());
    this.stack = new Stack(settings, ServiceCatalog.all());
    this.pids = new PidFiles(settings);
    this.api = new IngestClient(settings.ingestServiceUrl(), settings.ingestApiKey());
  }

  /** Starts whatever of the pipeline is not running (idempotent). */
  void up(String... services) {
    List<String> failures =
        stack.up(services.length == 0 ? APPS : List.of(services), System.out::println);
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
