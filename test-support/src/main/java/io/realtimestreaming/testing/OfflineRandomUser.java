package io.realtimestreaming.testing;

import io.realtimestreaming.randomuser.RandomUserServer;

/**
 * The offline randomuser source (module randomuser-local) inside the test JVM, started on first use
 * on a free port: tests need no process of the devstack for it, in either mode.
 */
final class OfflineRandomUser implements AutoCloseable {

  private RandomUserServer server;

  synchronized void ensureUp() {
    if (server == null) {
      server = RandomUserServer.start("127.0.0.1", 0);
    }
  }

  /**
   * Its API base URL, e.g. {@code http://127.0.0.1:41234/api/1.4/}; null before {@link #ensureUp}.
   */
  synchronized String baseUrl() {
    return server == null ? null : server.baseUrl();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
