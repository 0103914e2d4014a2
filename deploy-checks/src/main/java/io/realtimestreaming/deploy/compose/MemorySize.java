package io.realtimestreaming.deploy.compose;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of memory as Compose ({@code mem_limit: 768m}), the JVM ({@code -Xmx384m}) and the
 * images' heap settings ({@code MAX_HEAP_SIZE=1G}, {@code SPARK_DAEMON_MEMORY=512m}) write it: a
 * number with an optional unit b, k, m or g (case-insensitive, "kb", "mb", "gb" too), in bytes when
 * there is none. A {@code ${NAME:-default}} stands for its default.
 */
public record MemorySize(long bytes) implements Comparable<MemorySize> {

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([bkmg]?)b?");

  public static MemorySize parse(String text) {
    String value = VariableReference.withDefaults(text).strip().toLowerCase(Locale.ROOT);
    Matcher m = SIZE.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is no memory size (a number with b, k, m or g, e.g. 768m)");
    }
    long number = Long.parseLong(m.group(1));
    return new MemorySize(
        switch (m.group(2)) {
          case "k" -> number << 10;
          case "m" -> number << 20;
          case "g" -> number << 30;
          default -> number;
        });
  }

  public static MemorySize mebibytes(long mebibytes) {
    return new MemorySize(mebibytes << 20);
  }

  public MemorySize times(double factor) {
    return new MemorySize((long) Math.ceil(bytes * factor));
  }

  @Override
  public int compareTo(MemorySize other) {
    return Long.compare(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return bytes % (1 << 20) == 0 ? (bytes >> 20) + "m" : bytes + "b";
  }
}
