package io.realtimestreaming.devstack.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/** The pid files under {@code .local/pids}: which of our services run, and as which process. */
public final class PidFiles {

  private final StackSettings settings;

  public PidFiles(StackSettings settings) {
    this.settings = settings;
  }

  /** The PID of {@code service} when it runs; a stale file (process gone or reused) is removed. */
  public Optional<Long> running(String service) {
    Optional<Long> recorded = recorded(service);
    if (recorded.isPresent() && !isOurs(recorded.get(), service)) {
      remove(service);
      return Optional.empty();
    }
    return recorded;
  }

  public Optional<Long> recorded(String service) {
    try {
      String text = Files.readString(settings.pidFile(service)).trim();
      return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  public void write(String service, long pid) throws IOException {
    Files.createDirectories(settings.pidFile(service).getParent());
    Files.writeString(settings.pidFile(service), pid + "\n");
  }

  public void remove(String service) {
    try {
      Files.deleteIfExists(settings.pidFile(service));
    } catch (IOException e) {
      // left behind, it is detected as stale next time
    }
  }

  /** Alive, and started by this stack for this service (not a reused PID). */
  public boolean isOurs(long pid, String service) {
    if (!Processes.isAlive(pid)) {
      return false;
    }
    String cmd = Processes.commandLine(pid);
    boolean javaMarkers =
        cmd.contains(JavaCommand.marker(service) + " ")
            && cmd.contains("-Dpipeline.home=" + settings.home() + " ");
    List<String> env = Processes.environment(pid);
    return javaMarkers
        || (env.contains("PIPELINE_SERVICE=" + service)
            && env.contains("PIPELINE_HOME=" + settings.home()));
  }
}
