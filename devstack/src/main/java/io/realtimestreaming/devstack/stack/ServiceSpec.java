package io.realtimestreaming.devstack.stack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the stack needs to know to run one service as a child process. */
public interface ServiceSpec {

  /** The name used on the command line, in pid/log file names and in the status table. */
  String name();

  /** What a client connects to, e.g. {@code 127.0.0.1:9092}, for the status table. */
  String address(StackSettings settings);

  /** What the process is in its topology, for the status table: e.g. {@code broker 2}. */
  String role();

  /** The address the service binds: the stack's, or its own (a Cassandra ring's node). */
  default String host(StackSettings settings) {
    return settings.host(name());
  }

  /** The ports the service binds; the first is the one clients use. Most bind just their own. */
  default List<Integer> ports(StackSettings settings) {
    return List.of(settings.port(name()));
  }

  /**
   * Infrastructure (brokers, databases) starts with a bare {@code ./pipeline up}; the pipeline's
   * own applications start only when named.
   */
  default boolean infrastructure() {
    return true;
  }

  /** Services that must be ready before this one starts. */
  default List<String> dependsOn() {
    return List.of();
  }

  /** Writes configuration files and answers the command line that runs the service. */
  List<String> prepare(StackSettings settings, Runtimes runtimes) throws IOException;

  /** Environment variables the service's process gets on top of the CLI's own. */
  default Map<String, String> environment(StackSettings settings) {
    return Map.of();
  }

  /** A real readiness probe: true when clients can use the service. Never throws. */
  boolean isReady(StackSettings settings);

  /**
   * What the running service is really doing. By default ready or not yet; services that can tell
   * more (a stuck relay, a failing query, a dead server under a live process) say so. Never throws.
   *
   * @param pid the process the stack started for it
   */
  default Health health(StackSettings settings, long pid) {
    return isReady(settings) ? Health.ready() : Health.starting("not ready yet");
  }

  /** Idempotent setup once ready: topics, databases, schema, compatibility. */
  default void afterReady(StackSettings settings) throws Exception {}

  default Duration startTimeout() {
    return Duration.ofSeconds(120);
  }

  /**
   * Whether a start whose process exited can succeed if tried again later, judged from what the
   * process logged since it was launched: a condition that passes by itself (a session a killed
   * predecessor still holds), not a misconfiguration. By default never.
   */
  default Optional<StartRetry> retryAfter(String startupLog) {
    return Optional.empty();
  }

  /** Why a failed start is worth one more try, and how long to wait before it. */
  record StartRetry(String reason, Duration after) {}
}
