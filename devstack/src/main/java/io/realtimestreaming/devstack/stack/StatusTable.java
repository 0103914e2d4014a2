package io.realtimestreaming.devstack.stack;

import java.io.PrintStream;
import java.util.List;

/** Prints service states as the table {@code up} and {@code status} end with. */
public final class StatusTable {

  private StatusTable() {}

  public static void print(List<ServiceState> states, PrintStream out) {
    String format = "%-15s %-40s %-8s %-18s %8s%n";
    out.printf(format, "SERVICE", "ADDRESS", "PID", "STATE", "RSS");
    long total = 0;
    for (ServiceState s : states) {
      out.printf(
          format,
          s.service(),
          s.address(),
          s.pid() == null ? "-" : s.pid().toString(),
          s.state(),
          s.rssBytes() == 0 ? "-" : megabytes(s.rssBytes()));
      total += s.rssBytes();
    }
    out.printf(format, "", "", "", "total", megabytes(total));
  }

  private static String megabytes(long bytes) {
    return (bytes / (1024 * 1024)) + " MB";
  }
}
