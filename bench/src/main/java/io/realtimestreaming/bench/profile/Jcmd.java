package io.realtimestreaming.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The JDK's jcmd (beside the bench's own java) run against a running JVM. */
final class Jcmd {

  private Jcmd() {}

  /** Runs {@code command} against the JVM {@code pid} and returns what it printed. */
  static String run(long pid, String... command) throws IOException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    List<String> args = new ArrayList<>(List.of(jcmd.toString(), String.valueOf(pid)));
    args.addAll(List.of(command));
    Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(30, TimeUnit.SECONDS)
          || process.exitValue() != 0
          || output.contains("Could not")) {
        throw new IOException(
            "jcmd " + pid + " " + String.join(" ", command) + " failed: " + output.strip());
      }
      return output;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted running jcmd", e);
    }
  }
}
