package io.realtimestreaming.devstack.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stops one service by its PID: SIGTERM, then SIGKILL for it and its children after a timeout. */
final class ServiceStopper {

  private final PidFiles pids;
  private final Duration timeout;

  ServiceStopper(PidFiles pids, Duration timeout) {
    this.pids = pids;
    this.timeout = timeout;
  }

  /** Answers a one-line account, or empty when the service was not running. */
  Optional<String> stop(String service) throws InterruptedException {
    Optional<Long> pid = pids.running(service);
    if (pid.isEmpty()) {
      return Optional.empty();
    }
    Instant begin = Instant.now();
    ProcessHandle handle = ProcessHandle.of(pid.get()).orElseThrow();
    List<ProcessHandle> children = handle.descendants().toList();
    handle.destroy();
    boolean graceful = awaitExit(handle, begin.plus(timeout));
    if (!graceful) {
      handle.destroyForcibly();
      awaitExit(handle, Instant.now().plusSeconds(5));
    }
    // Children (PostgreSQL under its JVM) are stopped by their parent's shutdown; whatever is
    // still alive after it has gone would hold ports and data directories.
    Instant childrenDeadline = Instant.now().plusSeconds(10);
    for (ProcessHandle child : children) {
      if (!awaitExit(child, childrenDeadline)) {
        child.destroyForcibly();
      }
    }
    pids.remove(service);
    return Optional.of(
        String.format(
            "%s: stopped PID %d in %.1f s%s",
            service,
            pid.get(),
            Duration.between(begin, Instant.now()).toMillis() / 1000.0,
            graceful ? "" : " (forced after " + timeout.toSeconds() + " s)"));
  }

  private static boolean awaitExit(ProcessHandle handle, Instant deadline)
      throws InterruptedException {
    while (handle.isAlive()) {
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      Thread.sleep(100);
    }
    return true;
  }
}
