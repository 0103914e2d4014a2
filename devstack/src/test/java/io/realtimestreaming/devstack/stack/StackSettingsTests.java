package io.realtimestreaming.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTests {

  /** The checkout (Maven runs a module's tests in its folder): its dev-defaults.properties. */
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void defaultsAreTheDesignPorts() {
    StackSettings s = StackSettings.fromEnvironment(ROOT, Map.of());

    assertThat(s.port("zookeeper")).isEqualTo(2181);
    assertThat(s.port("kafka")).isEqualTo(9092);
    assertThat(s.port("registry")).isEqualTo(8081);
    assertThat(s.port("postgres")).isEqualTo(5432);
    assertThat(s.port("cassandra")).isEqualTo(9042);
    assertThat(s.port("randomuser")).isEqualTo(8099);
    assertThat(s.port("ingest-service")).isEqualTo(8088);
    assertThat(s.port("ingest-service-management")).isEqualTo(18088);
    assertThat(s.ingestManagementUrl()).isEqualTo("http://127.0.0.1:18088");
    assertThat(s.home()).isEqualTo(ROOT.resolve(".local"));
    assertThat(s.registryUrl()).isEqualTo("http://127.0.0.1:8081/apis/ccompat/v7");
  }

  @Test
  void environmentOverridesPortsHeapsAndHome() {
    StackSettings s =
        StackSettings.fromEnvironment(
            ROOT,
            Map.of(
                "PIPELINE_KAFKA_PORT", "19092",
                "PIPELINE_INGEST_SERVICE_PORT", "18088",
                "PIPELINE_INGEST_SERVICE_MANAGEMENT_PORT", "28088",
                "PIPELINE_CASSANDRA_HEAP", "768m",
                "PIPELINE_HOME", "/tmp/stack"));

    assertThat(s.kafkaBootstrapServers()).isEqualTo("127.0.0.1:19092");
    assertThat(s.port("ingest-service")).isEqualTo(18088);
    assertThat(s.ingestManagementUrl()).isEqualTo("http://127.0.0.1:28088");
    assertThat(s.heap("cassandra")).isEqualTo("768m");
    assertThat(s.pidFile("kafka")).isEqualTo(Path.of("/tmp/stack/pids/kafka.pid"));
  }

  @Test
  void theClusterTopologyNamesEveryBrokerAndNodeAndKeepsItsOwnHome() {
    StackSettings s = StackSettings.fromEnvironment(ROOT, Map.of("PIPELINE_TOPOLOGY", "cluster"));

    assertThat(s.topology()).isEqualTo(Topology.CLUSTER);
    assertThat(s.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094");
    assertThat(s.cassandraContactPoints())
        .containsExactly("127.0.0.1:9042", "127.0.0.2:9042", "127.0.0.3:9042");
    assertThat(s.ingestServiceUrl("ingest-service-2")).isEqualTo("http://127.0.0.1:8098");
    assertThat(s.cassandraReplication()).contains("NetworkTopologyStrategy").contains("3");
    assertThat(s.home()).isEqualTo(ROOT.resolve(".local/cluster"));
    assertThat(s.baseDir()).isEqualTo(ROOT.resolve(".local"));
    assertThat(s.withTopology(Topology.SINGLE, Map.of()).home()).isEqualTo(ROOT.resolve(".local"));
  }

  @Test
  void theTopologyIsTheOneLastStartedUnlessTheEnvironmentNamesOne(
      @org.junit.jupiter.api.io.TempDir Path base) throws Exception {
    Map<String, String> env = Map.of("PIPELINE_HOME", base.toString());
    assertThat(StackSettings.fromEnvironment(ROOT, env).topology()).isEqualTo(Topology.SINGLE);

    TopologyMarker.write(base, Topology.CLUSTER);
    assertThat(StackSettings.fromEnvironment(ROOT, env).topology()).isEqualTo(Topology.CLUSTER);
    assertThat(
            StackSettings.fromEnvironment(
                    ROOT, Map.of("PIPELINE_HOME", base.toString(), "PIPELINE_TOPOLOGY", "single"))
                .topology())
        .isEqualTo(Topology.SINGLE);
    assertThatThrownBy(() -> Topology.of("ring")).hasMessageContaining("single or cluster");
  }

  @Test
  void flagsOverrideTheEnvironment() {
    StackSettings s =
        StackSettings.fromEnvironment(ROOT, Map.of("PIPELINE_KAFKA_PORT", "19092"))
            .with(Map.of("kafka", 29092), Map.of("kafka", "1g"));

    assertThat(s.port("kafka")).isEqualTo(29092);
    assertThat(s.heap("kafka")).isEqualTo("1g");
  }

  @Test
  void aPortThatIsNoNumberIsNamedInTheError() {
    assertThatThrownBy(
            () -> StackSettings.fromEnvironment(ROOT, Map.of("PIPELINE_POSTGRES_PORT", "five")))
        .hasMessageContaining("PIPELINE_POSTGRES_PORT=five");
  }

  @Test
  void anUnknownServiceListsTheKnownOnes() {
    StackSettings s = StackSettings.fromEnvironment(ROOT, Map.of());

    assertThatThrownBy(() -> s.port("mysql"))
        .hasMessageContaining("unknown service 'mysql'")
        .hasMessageContaining("kafka");
  }

  @Test
  void startTimeoutFromTheEnvironmentReplacesEachServicesOwn() {
    ServiceSpec cassandra =
        io.realtimestreaming.devstack.service.ServiceCatalog.all(Topology.SINGLE).stream()
            .filter(spec -> spec.name().equals("cassandra"))
            .findFirst()
            .orElseThrow();

    assertThat(StackSettings.fromEnvironment(ROOT, Map.of()).startTimeout(cassandra))
        .isEqualTo(cassandra.startTimeout());
    assertThat(
            StackSettings.fromEnvironment(ROOT, Map.of("PIPELINE_START_TIMEOUT", "400"))
                .startTimeout(cassandra))
        .isEqualTo(java.time.Duration.ofSeconds(400));
  }
}
