package io.realtimestreaming.ingest.logging;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %oneLine{max}} in logback-spring.xml: the event's message and its exception on one line,
 * so that every event is exactly one line of the log whatever its text holds. Line breaks, tabs and
 * every other control character (C0, DEL, C1, and the Unicode line and paragraph separators) are
 * written as escapes ({@code \n}, {@code \r}, {@code \t}, {@code \u001b}): text that came from a
 * request or an upstream answer cannot start a forged line. The exception follows as {@code |
 * ExceptionClass: message at frame ...}, the first {@value #FRAMES} frames of each cause (of a
 * chain longer than {@value #MAX_CAUSES}, the first {@value #FIRST_CAUSES} and the last ones, the
 * root cause included). The whole is cut at {@code max} characters (default {@value #DEFAULT_MAX}),
 * saying how many went.
 *
 * <p>A throwable-handling converter: logback then appends no multi-line stack trace of its own.
 */
public final class OneLineConverter extends ThrowableHandlingConverter {

  static final int DEFAULT_MAX = 8000;
  static final int FRAMES = 5;
  private static final int MAX_CAUSES = 8;
  private static final int FIRST_CAUSES = 3;

  private int max = DEFAULT_MAX;

  @Override
  public void start() {
    List<String> options = getOptionList();
    if (options != null && !options.isEmpty()) {
      max = Math.max(100, Integer.parseInt(options.get(0).strip()));
    }
    super.start();
  }

  @Override
  public String convert(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(128);
    line.append(event.getFormattedMessage());
    List<IThrowableProxy> chain = new ArrayList<>();
    for (IThrowableProxy t = event.getThrowableProxy();
        t != null && chain.size() < 64;
        t = t.getCause()) {
      chain.add(t);
    }
    for (int i = 0; i < chain.size(); i++) {
      // a long chain (Spring's bean creation wraps many times): its start and its root cause
      if (chain.size() > MAX_CAUSES && i == FIRST_CAUSES) {
        int skipped = chain.size() - MAX_CAUSES;
        line.append(" | (").append(skipped).append(" more causes)");
        i += skipped - 1;
        continue;
      }
      line.append(i == 0 ? " | " : " | caused by ");
      appendThrowable(line, chain.get(i));
    }
    return oneLine(line, max);
  }

  /** {@code text} escaped onto one line and cut at {@code max} characters. */
  static String oneLine(CharSequence text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length() + 16, max + 64));
    int i = 0;
    for (; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (i < text.length()) {
      if (Character.isHighSurrogate(out.charAt(out.length() - 1))) {
        out.setLength(out.length() - 1);
        i--;
      }
      out.append("... [").append(text.length() - i).append(" more characters cut]");
    }
    return out.toString();
  }

  private static void appendThrowable(StringBuilder line, IThrowableProxy throwable) {
    line.append(throwable.getClassName());
    if (throwable.getMessage() != null) {
      line.append(": ").append(throwable.getMessage());
    }
    StackTraceElementProxy[] frames = throwable.getStackTraceElementProxyArray();
    int own = frames.length - throwable.getCommonFrames();
    for (int f = 0; f < Math.min(own, FRAMES); f++) {
      line.append(" at ").append(frames[f].getStackTraceElement());
    }
    if (own > FRAMES) {
      line.append(" (").append(own - FRAMES).append(" more frames)");
    }
  }
}
