package io.realtimestreaming.bench.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * The CPU seconds of a process and all its descendants, those still running and those that have
 * exited, from Linux's {@code /proc/<pid>/stat}. PostgreSQL is a tree (the postmaster, a backend
 * per connection, its workers), and the JDK reports a process's own CPU only. Hand-written: no
 * library the project uses reads a process's children's time.
 */
public final class ProcessTreeCpu {

  /** Linux reports process times in USER_HZ ticks, 100 a second on every architecture it ships. */
  private static final double TICKS_PER_SECOND = 100;

  private ProcessTreeCpu() {}

  /**
   * Every live process of the tree counts its own time and that of its children it has waited for
   * (which the kernel adds to the parent when it reaps them): a backend that exited well before a
   * reading is counted by its parent, once. One exiting at the moment of a reading may be in
   * neither, so a measured phase keeps its processes alive to its end.
   *
   * @return empty if the root is gone or there is no {@code /proc} (not Linux)
   */
  public static OptionalDouble seconds(long pid) {
    Optional<ProcessHandle> root = ProcessHandle.of(pid);
    if (root.isEmpty()) {
      return OptionalDouble.empty();
    }
    OptionalDouble own = ticks(pid);
    if (own.isEmpty()) {
      return OptionalDouble.empty();
    }
    double ticks = own.getAsDouble();
    try (Stream<ProcessHandle> descendants = root.get().descendants()) {
      ticks += descendants.mapToDouble(p -> ticks(p.pid()).orElse(0)).sum();
    }
    return OptionalDouble.of(ticks / TICKS_PER_SECOND);
  }

  private static OptionalDouble ticks(long pid) {
    try {
      return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException e) {
      return OptionalDouble.empty(); // exited since it was listed, or not Linux
    }
  }

  /**
   * utime + stime + cutime + cstime of a {@code stat} line: fields 14 to 17, counted after the
   * command name, which is in parentheses and may itself hold spaces and parentheses.
   */
  static OptionalDouble parse(String stat) {
    int end = stat.lastIndexOf(')');
    if (end < 0) {
      return OptionalDouble.empty();
    }
    String[] fields = stat.substring(end + 1).trim().split("\\s+");
    if (fields.length < 15) {
      return OptionalDouble.empty();
    }
    try {
      long sum = 0;
      for (int i = 11; i <= 14; i++) {
        sum += Long.parseLong(fields[i]);
      }
      return OptionalDouble.of(sum);
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }
}
