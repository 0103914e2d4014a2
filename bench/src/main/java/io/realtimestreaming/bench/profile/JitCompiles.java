package io.realtimestreaming.bench.profile;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many methods a JVM's JIT has compiled so far: HotSpot's {@code sun.ci.totalCompiles} counter,
 * read with jcmd. A service that still compiles many methods a second is not warm yet, and its
 * compiler threads take CPU from the work measured.
 */
public final class JitCompiles {

  private static final Pattern TOTAL = Pattern.compile("(?m)^sun\\.ci\\.totalCompiles=(\\d+)$");

  private JitCompiles() {}

  /** The count now, or empty when the JVM could not be asked (the report then says so). */
  public static OptionalLong of(long pid) {
    try {
      return parse(Jcmd.run(pid, "PerfCounter.print"));
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  static OptionalLong parse(String perfCounters) {
    Matcher m = TOTAL.matcher(perfCounters);
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }
}
