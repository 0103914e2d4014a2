package io.realtimestreaming.deploy.compose;

/**
 * One entry of a service's {@code depends_on}: the service waited for, the condition, and whether
 * it is required ({@code required: false} lets a dependency in an inactive profile be skipped). The
 * list syntax ({@code depends_on: [a, b]}) means condition {@value #STARTED}.
 */
public record Dependency(String service, String condition, boolean required) {

  public static final String STARTED = "service_started";
  public static final String HEALTHY = "service_healthy";
  public static final String COMPLETED = "service_completed_successfully";

  /** Health-gated: the dependent starts once the service is healthy or has run to completion. */
  public boolean isGated() {
    return condition.equals(HEALTHY) || condition.equals(COMPLETED);
  }
}
