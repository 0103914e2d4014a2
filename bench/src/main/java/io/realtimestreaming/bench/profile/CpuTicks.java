package io.realtimestreaming.bench.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The machine's CPU time so far, all cores together, from the first line of Linux's {@code
 * /proc/stat}: two readings tell how busy the cores were between them, and so whether a side of a
 * suite had the cores to itself or left some idle. Hand-written: the JDK reports the system's CPU
 * load only over an interval of its own choosing.
 *
 * @param busy ticks spent on anything but idling and waiting for I/O
 * @param total every tick
 */
public record CpuTicks(long busy, long total) {

  private static final Path PROC_STAT = Path.of("/proc/stat");

  /** Now; empty where there is no {@code /proc/stat} to read (not Linux). */
  public static Optional<CpuTicks> now() {
    try (Stream<String> lines = Files.lines(PROC_STAT)) {
      return lines.findFirst().flatMap(CpuTicks::parse);
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads {@code cpu user nice system idle iowait irq softirq steal ...}; guest time is already
   * counted in user and nice, so only the first eight count.
   */
  static Optional<CpuTicks> parse(String line) {
    String[] fields = line.trim().split("\\s+");
    if (fields.length < 9 || !fields[0].equals("cpu")) {
      return Optional.empty();
    }
    long[] ticks;
    try {
      ticks = Arrays.stream(fields, 1, 9).mapToLong(Long::parseLong).toArray();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    long total = Arrays.stream(ticks).sum();
    return Optional.of(new CpuTicks(total - ticks[3] - ticks[4], total));
  }

  /** The share of the cores' time that was busy since {@code earlier}, from 0 to 1. */
  public double busySince(CpuTicks earlier) {
    long elapsed = total - earlier.total;
    return elapsed <= 0 ? 0 : (double) (busy - earlier.busy) / elapsed;
  }
}
