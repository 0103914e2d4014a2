package io.realtimestreaming.bench.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A service instance the bench started for itself (never the stack's own), its output in a log file
 * of the run, stopped on close: SIGTERM, then SIGKILL after 20 s.
 */
public final class AppProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;

  private AppProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the command and waits until {@code ready} answers true.
   *
   * @throws IOException if the process ends or is not ready within {@code timeout}, with the end of
   *     its log
   */
  static AppProcess start(
      String name,
      List<String> command,
      Map<String, String> environment,
      Path log,
      BooleanSupplier ready,
      Duration timeout,
      PrintStream out)
      throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    long start = System.nanoTime();
    AppProcess app = new AppProcess(name, builder.start(), log);
    out.printf("  starting %s (PID %d, log %s)%n", name, app.pid(), log);
    long deadline = start + timeout.toNanos();
    while (!ready.getAsBoolean()) {
      if (!app.process.isAlive() || System.nanoTime() > deadline) {
        app.close();
        throw new IOException(
            name
                + (app.process.isAlive() ? " was not ready within " + timeout : " exited")
                + "; the end of "
                + log
                + ":\n"
                + tail(log));
      }
      Thread.sleep(500);
    }
    out.printf("  %s ready after %.1f s%n", name, (System.nanoTime() - start) / 1e9);
    return app;
  }

  public long pid() {
    return process.pid();
  }

  /** CPU time the process has used so far, in seconds (0 when the OS does not say). */
  public double cpuSeconds() {
    return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
  }

  public Path log() {
    return log;
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return name + " (PID " + pid() + ")";
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
