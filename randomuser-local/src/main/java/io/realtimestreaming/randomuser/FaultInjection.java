package io.realtimestreaming.randomuser;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Decides which fault, if any, a request suffers; see {@link RandomUserServer} for the parameters.
 * Counts {@code faultTimes} per server instance and per (fault, seed), so that tests running side
 * by side with different seeds do not use up each other's faults.
 */
final class FaultInjection {

  /** How long {@code slow} waits unless {@code delayMs} says otherwise. */
  static final long DEFAULT_DELAY_MS = 5000;

  /** A longer delay is surely a typo, and would hold a request thread for that long. */
  static final long MAX_DELAY_MS = 600_000;

  enum Fault {
    TOO_MANY_REQUESTS("429"),
    SERVER_ERROR("500"),
    MALFORMED("malformed"),
    SLOW("slow"),
    BAD_RECORD("bad-record"),
    HTML("html"),
    ERROR_JSON("error-json"),
    MIXED("mixed");

    private final String parameter;

    Fault(String parameter) {
      this.parameter = parameter;
    }

    String parameter() {
      return parameter;
    }

    static Fault of(String parameter) {
      for (Fault fault : values()) {
        if (fault.parameter.equals(parameter.trim().toLowerCase(Locale.ROOT))) {
          return fault;
        }
      }
      throw new IllegalArgumentException(
          "fault '"
              + parameter
              + "' is unknown; use one of "
              + Arrays.stream(values()).map(Fault::parameter).collect(Collectors.joining(", ")));
    }
  }

  /** A fault to inject and, for {@code slow}, the delay before the normal answer. */
  record Injected(Fault fault, long delayMillis) {}

  private final Map<String, AtomicInteger> requestsByKey = new ConcurrentHashMap<>();

  /**
   * @param parameters the request's query parameters
   * @param headers the request's header lookup (null when absent)
   * @throws IllegalArgumentException for an unknown fault or a non-numeric faultTimes or delayMs
   */
  Optional<Injected> decide(Map<String, String> parameters, UnaryOperator<String> headers) {
    SeedFault inSeed = SeedFault.of(parameters.get("seed"));
    String name = value(value(parameters.get("fault"), headers.apply("X-Fault")), inSeed.fault());
    if (name == null) {
      return Optional.empty();
    }
    Fault fault = Fault.of(name);
    String times =
        value(value(parameters.get("faultTimes"), headers.apply("X-Fault-Times")), inSeed.times());
    if (times != null) {
      String key = fault + "|" + parameters.getOrDefault("seed", "");
      int request = requestsByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      if (request > number("faultTimes", times)) {
        return Optional.empty();
      }
    }
    String delay = value(parameters.get("delayMs"), headers.apply("X-Fault-Delay-Ms"));
    long delayMillis = delay == null ? DEFAULT_DELAY_MS : number("delayMs", delay);
    return Optional.of(new Injected(fault, Math.min(Math.max(delayMillis, 0), MAX_DELAY_MS)));
  }

  /**
   * A fault asked for in the seed, the one thing a client such as the ingest service passes on from
   * its own caller: a seed with a {@code .}-separated segment {@code fault-<name>} (and optionally
   * {@code times-<n>}), e.g. {@code e2e-1.fault-mixed} or {@code r.fault-html.times-1}.
   */
  record SeedFault(String fault, String times) {

    static SeedFault of(String seed) {
      String fault = null;
      String times = null;
      if (seed != null) {
        for (String segment : seed.split("\\.")) {
          if (segment.startsWith("fault-")) {
            fault = segment.substring("fault-".length());
          } else if (segment.startsWith("times-")) {
            times = segment.substring("times-".length());
          }
        }
      }
      return new SeedFault(fault, times);
    }
  }

  /** The query parameter if given, else the header. */
  private static String value(String parameter, String header) {
    if (parameter != null && !parameter.isBlank()) {
      return parameter;
    }
    return header == null || header.isBlank() ? null : header;
  }

  private static long number(String name, String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + text + "'");
    }
  }
}
