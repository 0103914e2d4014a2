package io.realtimestreaming.devstack.service;

import io.realtimestreaming.devstack.stack.ServiceSpec;
import java.util.List;

/** Every service of the no-Docker stack, in start order. */
public final class ServiceCatalog {

  private ServiceCatalog() {}

  public static List<ServiceSpec> all() {
    return List.of(
        new ZooKeeperSpec(),
        new KafkaSpec(),
        new RegistrySpec(),
        new PostgresSpec(),
        new CassandraSpec(),
        new RandomUserSpec(),
        new IngestServiceSpec(),
        new StreamJobSpec(),
        new AirflowSpec());
  }
}
