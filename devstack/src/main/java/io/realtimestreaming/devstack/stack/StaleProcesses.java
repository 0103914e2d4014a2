package io.realtimestreaming.devstack.stack;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds what holds a service's ports before it starts. Our own process with a lost pid file is
 * adopted; PostgreSQL left running by a {@code kill -9} of its owning JVM (a known case: the
 * embedded postgres outlives its parent) is stopped; anything else fails {@code up} with an
 * explanation instead of a confusing bind error later.
 */
final class StaleProcesses {

  private final StackSettings settings;
  private final PidFiles pids;

  StaleProcesses(StackSettings settings, PidFiles pids) {
    this.settings = settings;
    this.pids = pids;
  }

  /** Answers the PID of our own running process holding the ports, if one was adopted. */
  Optional<Long> clearPorts(ServiceSpec spec) throws IOException, InterruptedException {
    Optional<Long> jvm = runningJvm(spec.name());
    if (jvm.isPresent()) {
      pids.write(spec.name(), jvm.get());
      System.out.println(
          spec.name() + ": found running as PID " + jvm.get() + " without a pid file; adopted");
      return jvm;
    }
    String host = spec.host(settings);
    for (int port : spec.ports(settings)) {
      Optional<Processes.Owner> owner = Processes.listenerOf(host, port);
      if (owner.isEmpty()) {
        if (Processes.portAnswers(host, port)) {
          throw new ServiceFailedException(
              spec.name(),
              "port "
                  + host
                  + ":"
                  + port
                  + " is in use by a process"
                  + " this user cannot see; free it or choose another port with "
                  + portVariable(spec));
        }
        continue;
      }
      Processes.Owner o = owner.get();
      // checked before isOurs: the orphan inherited its JVM's PIPELINE_SERVICE, so it looks ours;
      // its JVM is gone (runningJvm found none)
      if (isLeftoverPostgres(o)) {
        System.out.println(
            spec.name()
                + ": PostgreSQL PID "
                + o.pid()
                + " was left running by an"
                + " earlier kill -9 of its devstack process; stopping it (fast shutdown)");
        stopPostgres(o.pid());
        continue;
      }
      if (pids.isOurs(o.pid(), spec.name())) {
        pids.write(spec.name(), o.pid());
        System.out.println(
            spec.name() + ": found running as PID " + o.pid() + " without a pid file; adopted");
        return Optional.of(o.pid());
      }
      throw new ServiceFailedException(
          spec.name(),
          "port "
              + port
              + " is held by PID "
              + o.pid()
              + " ("
              + abbreviate(o.commandLine())
              + "); stop it, or choose another port with "
              + portVariable(spec));
    }
    return Optional.empty();
  }

  /** Our JVM for {@code service}, by the markers on its command line. */
  private Optional<Long> runningJvm(String service) {
    String marker = JavaCommand.marker(service) + " ";
    String home = "-Dpipeline.home=" + settings.home() + " ";
    return ProcessHandle.allProcesses()
        .map(ProcessHandle::pid)
        .filter(
            pid -> {
              String cmd = Processes.commandLine(pid);
              return cmd.contains(marker) && cmd.contains(home);
            })
        .findFirst();
  }

  private boolean isLeftoverPostgres(Processes.Owner owner) {
    return owner.commandLine().contains("postgres")
        && owner.commandLine().contains(settings.dataDir("postgres").toString());
  }

  private static void stopPostgres(long pid) throws IOException, InterruptedException {
    // SIGINT is PostgreSQL's fast shutdown; ProcessHandle can only send SIGTERM (smart shutdown,
    // which waits for clients) or SIGKILL.
    new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Processes.isAlive(pid) && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    if (Processes.isAlive(pid)) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private static String portVariable(ServiceSpec spec) {
    return "PIPELINE_" + spec.name().toUpperCase(java.util.Locale.ROOT) + "_PORT";
  }

  private static String abbreviate(String commandLine) {
    return commandLine.length() > 120 ? commandLine.substring(0, 117) + "..." : commandLine;
  }
}
