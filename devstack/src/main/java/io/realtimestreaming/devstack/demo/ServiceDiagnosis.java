package io.realtimestreaming.devstack.demo;

import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What to tell about a service that holds a run up: its last error line and where to read more. */
final class ServiceDiagnosis {

  /** How much of a log's end is searched for its last error. */
  private static final int TAIL_BYTES = 256 * 1024;

  private final StackSettings settings;

  ServiceDiagnosis(StackSettings settings) {
    this.settings = settings;
  }

  String of(String service) {
    Path log = settings.logFile(service);
    String lastError =
        lastErrorLine(log).map(line -> "  its last error: " + line).orElse("  no error in its log");
    return service
        + " is the stage's service\n"
        + lastError
        + "\n  read ./pipeline logs "
        + service
        + " (the whole log: "
        + log
        + "), ./pipeline status";
  }

  /** The last line of the log's end that says ERROR, cut to 400 characters. */
  static Optional<String> lastErrorLine(Path log) {
    if (!Files.isRegularFile(log)) {
      return Optional.empty();
    }
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long start = Math.max(0, file.length() - TAIL_BYTES);
      byte[] tail = new byte[(int) (file.length() - start)];
      file.seek(start);
      file.readFully(tail);
      String[] lines = new String(tail, StandardCharsets.UTF_8).split("\n");
      for (int i = lines.length - 1; i >= 0; i--) {
        if (lines[i].contains("ERROR")) {
          String line = lines[i].strip();
          return Optional.of(line.length() > 400 ? line.substring(0, 400) + "..." : line);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
