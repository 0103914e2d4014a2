package io.realtimestreaming.devstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.devstack.stack.ServiceSpec;
import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.devstack.stack.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ServiceCatalogTests {

  /** `up` starts services in catalog order, each once the ones it depends on have started. */
  @ParameterizedTest
  @EnumSource(Topology.class)
  void everyServiceComesAfterTheServicesItDependsOn(Topology topology) {
    List<String> before = new ArrayList<>();
    for (ServiceSpec spec : ServiceCatalog.all(topology)) {
      assertThat(before).as(spec.name() + " depends on").containsAll(spec.dependsOn());
      before.add(spec.name());
    }
  }

  @ParameterizedTest
  @EnumSource(Topology.class)
  void noTwoServicesBindTheSameAddress(Topology topology) {
    StackSettings s =
        StackSettings.fromEnvironment(
            Path.of("..").toAbsolutePath().normalize(),
            Map.of("PIPELINE_TOPOLOGY", topology.label()));
    Map<String, String> owners = new HashMap<>();
    for (ServiceSpec spec : ServiceCatalog.all(topology)) {
      for (int port : spec.ports(s)) {
        String address = spec.host(s) + ":" + port;
        assertThat(owners.put(address, spec.name()))
            .as(spec.name() + " binds " + address + ", as does")
            .isNull();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Topology.class)
  void theCatalogRunsEachEngineAsTheTopologySays(Topology topology) {
    List<String> names = ServiceCatalog.all(topology).stream().map(ServiceSpec::name).toList();
    assertThat(names)
        .containsAll(topology.kafkaBrokers())
        .containsAll(topology.cassandraNodes())
        .containsAll(topology.ingestInstances())
        .contains("zookeeper", "postgres", "registry", "randomuser", "stream-job", "airflow");
    assertThat(names.stream().filter(n -> n.startsWith("spark-worker")).count())
        .isEqualTo(topology == Topology.CLUSTER ? 2 : 0);
  }
}
