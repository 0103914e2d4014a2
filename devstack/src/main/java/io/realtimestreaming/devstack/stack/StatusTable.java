package io.realtimestreaming.devstack.stack;

import java.io.PrintStream;
import java.util.List;

/** Prints service states as the table {@code up} and {@code status} end with. */
public final class StatusTable {

  private StatusTable() {}

  public static void print(List<ServiceState> states, PrintStream out) {
    // the state last: its reason may be long
    String format = "%-17s %-22s %-40s %-8s %8s  %s%n";
    out.printf(format, "SERVICE", "ROLE", "ADDRESS", "PID", "RSS", "STATE");
    long total = 0;
    for (ServiceState s : states) {
      out.printf(
          format,
          s.service(),
          s.role(),
          s.address(),
          s.pid() == null ? "-" : s.pid().toString(),
          s.rssBytes() == 0 ? "-" : megabytes(s.rssBytes()),
          s.state());
      total += s.rssBytes();
    }
    out.printf(format, "", "", "", "total", megabytes(total), "");
  }

  private static String megabytes(long bytes) {
    return (bytes / (1024 * 1024)) + " MB";
  }
}
