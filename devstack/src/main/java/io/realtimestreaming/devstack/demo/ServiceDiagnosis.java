package io.realtimestreaming.devstack.demo;

import io.realtimestreaming.devstack.stack.LogTail;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What to tell about a service that holds a run up: its last error line and where to read more. */
final class ServiceDiagnosis {

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
    try {
      String[] lines = LogTail.read(log).split("\n");
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
