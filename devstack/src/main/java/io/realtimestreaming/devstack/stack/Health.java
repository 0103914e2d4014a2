package io.realtimestreaming.devstack.stack;

/**
 * What a running service is really doing, as its own probe says (not only whether its port
 * answers), with a one-line reason for every state but ready.
 *
 * @param reason why it is in this state; empty when ready
 */
public record Health(Condition condition, String reason) {

  /** The states a running service can be in. */
  public enum Condition {
    /** Clients can use it. */
    READY,
    /** Still coming up. */
    STARTING,
    /** Serving, but a part of it is stuck (e.g. the ingest service's outbox relay). */
    DEGRADED,
    /** Failing and retrying by itself (e.g. the stream job restarting its query). */
    FAILING,
    /** Failed in a way it will not retry; an operator must act. */
    FAILED,
    /** Its process runs but its server is dead; {@code ./pipeline up} restarts it. */
    DOWN
  }

  public static Health ready() {
    return new Health(Condition.READY, "");
  }

  public static Health starting(String reason) {
    return new Health(Condition.STARTING, reason);
  }

  public boolean isReady() {
    return condition == Condition.READY;
  }

  /** As the status table shows it, e.g. {@code failing (Connection refused)}. */
  @Override
  public String toString() {
    String name = condition.name().toLowerCase(java.util.Locale.ROOT);
    return reason.isEmpty() ? name : name + " (" + reason + ")";
  }
}
