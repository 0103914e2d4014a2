package io.realtimestreaming.devstack.stack;

import java.io.IOException;

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
      return LogTail.lastLines(settings.logFile(service), lines);
    } catch (IOException e) {
      return "(no log yet)";
    }
  }
}
