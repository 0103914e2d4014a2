package io.realtimestreaming.bench.profile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A JFR recording (settings "profile": execution samples every 10-20 ms) of a running service,
 * started and stopped with {@code jcmd}, so the report can say where the time went. A service that
 * cannot be recorded costs the report its profile, never the benchmark.
 */
public final class JfrProfile implements AutoCloseable {

  private final String service;
  private final long pid;
  private final Path file;
  private final PrintStream out;
  private boolean stopped;

  private JfrProfile(String service, long pid, Path file, PrintStream out) {
    this.service = service;
    this.pid = pid;
    this.file = file;
    this.out = out;
  }

  /** Starts recording the process {@code pid} into {@code dir}. */
  public static Optional<JfrProfile> start(
      long pid, String service, Path dir, String id, PrintStream out) {
    JfrProfile profile =
        new JfrProfile(service, pid, dir.resolve(id + "-" + service + ".jfr"), out);
    try {
      Files.createDirectories(dir);
      profile.jcmd("JFR.start", "name=bench", "settings=profile", "filename=" + profile.file);
      return Optional.of(profile);
    } catch (IOException e) {
      out.println("  no profile of " + service + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Stops the recording and reads where the time went while {@code phase}. */
  public Optional<HotMethods> stop(String phase) {
    try {
      stopped = true;
      jcmd("JFR.stop", "name=bench");
      return Optional.of(JfrSummary.read(file, service, phase));
    } catch (IOException e) {
      out.println("  no profile of " + service + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Stops a recording the bench did not get to summarize (it failed): it would grow until the
   * service stops.
   */
  @Override
  public void close() {
    if (!stopped) {
      stopped = true;
      try {
        jcmd("JFR.stop", "name=bench");
      } catch (IOException e) {
        out.println("  could not stop the JFR recording of " + service + ": " + e.getMessage());
      }
    }
  }

  private void jcmd(String... command) throws IOException {
    Jcmd.run(pid, command);
  }
}
