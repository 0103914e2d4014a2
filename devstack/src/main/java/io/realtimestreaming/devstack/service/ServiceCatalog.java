package io.realtimestreaming.devstack.service;

import io.realtimestreaming.devstack.stack.ServiceSpec;
import io.realtimestreaming.devstack.stack.Topology;
import java.util.ArrayList;
import java.util.List;

/** Every service of the no-Docker stack, in start order: each after the services it depends on. */
public final class ServiceCatalog {

  private ServiceCatalog() {}

  /** The services of {@code topology}: see {@link Topology} for what each runs. */
  public static List<ServiceSpec> all(Topology topology) {
    List<ServiceSpec> services = new ArrayList<>();
    services.add(new ZooKeeperSpec());
    List<String> brokers = topology.kafkaBrokers();
    for (int i = 0; i < brokers.size(); i++) {
      // the single broker keeps id 0, the id its data was written with
      services.add(new KafkaSpec(brokers.get(i), topology == Topology.SINGLE ? 0 : i + 1));
    }
    services.add(new PostgresSpec());
    services.add(new RegistrySpec());
    List<String> nodes = topology.cassandraNodes();
    for (int i = 0; i < nodes.size(); i++) {
      services.add(new CassandraSpec(nodes.get(i), i, nodes.size()));
    }
    services.add(new RandomUserSpec());
    if (topology == Topology.CLUSTER) {
      services.add(new SparkMasterSpec());
      services.add(new SparkWorkerSpec("spark-worker-1"));
      services.add(new SparkWorkerSpec("spark-worker-2"));
    }
    for (String instance : topology.ingestInstances()) {
      services.add(new IngestServiceSpec(instance, topology));
    }
    services.add(new StreamJobSpec(topology));
    services.add(new AirflowSpec());
    return List.copyOf(services);
  }
}
