package io.realtimestreaming.testing;

import java.util.Collection;

/** Where a test run's services come from: containers or devstack processes. */
sealed interface TestServices extends AutoCloseable permits ContainerServices, DevstackServices {

  /** Starts those of {@code services} that are not running yet. */
  void ensureUp(Collection<ServiceKind> services);

  ServiceEndpoints endpoints();

  /** Stops what this run started; called by JUnit when the root store closes. */
  @Override
  void close();
}
