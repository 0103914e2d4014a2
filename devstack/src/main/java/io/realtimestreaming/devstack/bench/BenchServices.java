package io.realtimestreaming.devstack.bench;

import java.util.List;
import java.util.OptionalLong;

/**
 * What the bench needs of the stack: starting the pipeline's services, and finding their processes.
 */
public interface BenchServices {

  /** Starts the named services and what they need; answers whether all are ready. */
  boolean up(List<String> services);

  /** The process of a running service. */
  OptionalLong pid(String service);
}
