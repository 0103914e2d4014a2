package io.realtimestreaming.devstack.service;

import io.realtimestreaming.devstack.stack.ServiceSpec;
import java.util.List;

/** Every service of the no-Docker stack, in start order: each after the services it depends on. */
public final class ServiceCatalog {

  private ServiceCatalog() {}

  public static List<ServiceSpec> all() {
    return List.of(
        new ZooKeeperSpec(),
        new KafkaSpec(),
        new PostgresSpec(),
        new RegistrySpec(),
        new CassandraSpec(),
        new RandomUserSpec(),
        new IngestServiceSpec(),
        new StreamJobSpec(),
        new AirflowSpec());
  }
}
