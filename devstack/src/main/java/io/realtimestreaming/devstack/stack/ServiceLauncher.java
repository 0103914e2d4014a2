package io.realtimestreaming.devstack.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts one service as a child process in its own session (so it outlives the CLI), waits until
 * its readiness probe answers, and runs its one-time setup. A running, ready service is left alone;
 * one whose server died under its live process ({@link Health.Condition#DOWN}) is restarted.
 */
final class ServiceLauncher {

  /** Opens the line {@link #launch} writes to a service's log before each start. */
  private static final String LAUNCH_MARKER = "---- ";

  private final StackSettings settings;
  private final Runtimes runtimes;
  private final PidFiles pids;
  private final StaleProcesses stale;
  private final ServiceStopper stopper;

  ServiceLauncher(StackSettings settings, Runtimes runtimes, PidFiles pids) {
    this.settings = settings;
    this.runtimes = runtimes;
    this.pids = pids;
    this.stale = new StaleProcesses(settings, pids);
    this.stopper = new ServiceStopper(pids, Duration.ofSeconds(20));
  }

  /** Answers a one-line account of what it did; throws {@link ServiceFailedException}. */
  String start(ServiceSpec spec) throws Exception {
    String name = spec.name();
    Instant begin = Instant.now();
    Optional<Long> running = pids.running(name);
    String healed = "";
    if (running.isPresent()) {
      Health health = spec.health(settings, running.get());
      if (health.condition() == Health.Condition.DOWN) {
        // as compose's restart policy would: a server that died under its process starts again
        stopper.stop(name);
        running = Optional.empty();
        healed = " (restarted: it was " + health + ")";
      } else if (health.isReady()) {
        spec.afterReady(settings);
        return name + ": already running (PID " + running.get() + "), left alone";
      }
    }
    long pid;
    if (running.isPresent()) {
      pid = running.get();
    } else {
      Optional<Long> adopted = stale.clearPorts(spec);
      pid = adopted.isPresent() ? adopted.get() : launch(spec);
      pids.write(name, pid);
    }
    // the PID as launched, not read back: a process caught mid-exec (setsid becoming java) can
    // show /proc an empty command line, and would not be recognized as ours
    healed += awaitReadyOrStartAgain(spec, pid);
    spec.afterReady(settings);
    return String.format(
        "%s: ready in %.1f s%s",
        name, Duration.between(begin, Instant.now()).toMillis() / 1000.0, healed);
  }

  private long launch(ServiceSpec spec) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("setsid");
    command.addAll(spec.prepare(settings, runtimes));
    Files.createDirectories(settings.logFile(spec.name()).getParent());
    Files.createDirectories(settings.dataDir(spec.name()));
    Files.writeString(
        settings.logFile(spec.name()),
        LAUNCH_MARKER + Instant.now() + " starting " + spec.name() + "\n",
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(settings.dataDir(spec.name()).toFile())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(settings.logFile(spec.name()).toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(spec.environment(settings));
    // how PidFiles recognizes processes that are not JVMs (and so carry no -Dpipeline.* marker)
    builder.environment().put("PIPELINE_SERVICE", spec.name());
    builder.environment().put("PIPELINE_HOME", settings.home().toString());
    return builder.start().pid();
  }

  /**
   * Waits for the launched process to be ready; if it exited for a reason its spec says passes by
   * itself, launches it once more after the wait the spec gives. Answers what it healed, if any.
   */
  private String awaitReadyOrStartAgain(ServiceSpec spec, long pid) throws Exception {
    try {
      awaitReady(spec, pid);
      return "";
    } catch (ServiceFailedException failed) {
      Optional<ServiceSpec.StartRetry> retry =
          Processes.isAlive(pid) ? Optional.empty() : spec.retryAfter(startupLog(spec));
      if (retry.isEmpty()) {
        throw failed;
      }
      Thread.sleep(retry.get().after().toMillis());
      long again = launch(spec);
      pids.write(spec.name(), again);
      awaitReady(spec, again);
      return " (started again after "
          + retry.get().after().toSeconds()
          + " s: "
          + retry.get().reason()
          + ")";
    }
  }

  /** What the service logged since its latest launch (within the log's tail). */
  private String startupLog(ServiceSpec spec) throws IOException {
    String log = LogTail.read(settings.logFile(spec.name()));
    int launched = log.lastIndexOf("\n" + LAUNCH_MARKER);
    return launched < 0 ? log : log.substring(launched + 1);
  }

  private void awaitReady(ServiceSpec spec, long pid) throws InterruptedException {
    Duration timeout = settings.startTimeout(spec);
    Instant deadline = Instant.now().plus(timeout);
    for (Health health = spec.health(settings, pid);
        !health.isReady();
        health = spec.health(settings, pid)) {
      if (!Processes.isAlive(pid)) {
        throw new ServiceFailedException(spec.name(), "exited during start-up", settings);
      }
      if (health.condition() == Health.Condition.FAILED) {
        throw new ServiceFailedException(spec.name(), "is " + health, settings);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new ServiceFailedException(
            spec.name(),
            "not ready after "
                + timeout.toSeconds()
                + " s (PID "
                + pid
                + " still runs; a slow machine? raise it with PIPELINE_START_TIMEOUT)",
            settings);
      }
      Thread.sleep(250);
    }
  }
}
