package io.realtimestreaming.testing;

import java.util.Collection;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Where a test run's services come from: containers or devstack processes. */
sealed interface TestServices extends ExtensionContext.Store.CloseableResource
    permits ContainerServices, DevstackServices {

  /** Starts those of {@code services} that are not running yet. */
  void ensureUp(Collection<ServiceKind> services);

  ServiceEndpoints endpoints();
}
