package io.realtimestreaming.devstack.stack;

/**
 * One row of {@code ./pipeline status}.
 *
 * @param state {@code stopped}, or the running service's {@link Health}
 */
public record ServiceState(
    String service, String role, String address, Long pid, String state, long rssBytes) {

  public boolean running() {
    return pid != null;
  }
}
