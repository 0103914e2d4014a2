package io.realtimestreaming.stream.decode;

import io.realtimestreaming.model.registry.SchemaRegistryClient;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link SchemaRegistryClient} per registry URL per JVM, so that every task of an executor
 * shares its cache of writer schemas: a schema is fetched once per executor, not once per task.
 */
final class RegistryClients {

  // Deliberate static state, like the per-executor CqlSession (sink.CassandraSessions): Spark
  // gives tasks no per-executor object to hang a cache on. Clients are thread-safe and hold no
  // connections, so they are never closed.
  private static final ConcurrentMap<String, SchemaRegistryClient> CLIENTS =
      new ConcurrentHashMap<>();

  private RegistryClients() {}

  static SchemaRegistryClient forUrl(String registryUrl) {
    return CLIENTS.computeIfAbsent(registryUrl, SchemaRegistryClient::new);
  }
}
