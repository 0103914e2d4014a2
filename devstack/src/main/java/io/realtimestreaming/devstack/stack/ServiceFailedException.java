package io.realtimestreaming.devstack.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** A service that did not come up, with the last lines of its log to say why. */
public final class ServiceFailedException extends RuntimeException {

  public ServiceFailedException(String service, String reason, StackSettings settings) {
    super(
        service
            + " "
            + reason
            + "\n--- last lines of "
            + settings.logFile(service)
            + ":\n"
            + tail(settings, service, 25));
  }

  public ServiceFailedException(String service, String reason) {
    super(service + ": " + reason);
  }

  static String tail(StackSettings settings, String service, int lines) {
    try {
      List<String> all = Files.readAllLines(settings.logFile(service));
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log yet)";
    }
  }
}
