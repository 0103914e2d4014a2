package io.realtimestreaming.devstack.stack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/** The end of a service's log, for a diagnosis: a long-lived log is never read whole. */
public final class LogTail {

  /** How much of a log's end is read. */
  static final int BYTES = 256 * 1024;

  private LogTail() {}

  /** The log's last {@value #BYTES} bytes as text (its first line may be cut). */
  public static String read(Path log) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long start = Math.max(0, file.length() - BYTES);
      byte[] tail = new byte[(int) (file.length() - start)];
      file.seek(start);
      file.readFully(tail);
      return new String(tail, StandardCharsets.UTF_8);
    }
  }

  /** The log's last {@code count} lines, at most, from its last {@value #BYTES} bytes. */
  public static String lastLines(Path log, int count) throws IOException {
    String[] lines = read(log).split("\n", -1);
    int end =
        lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
    return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, end - count), end));
  }
}
