package io.realtimestreaming.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.deploy.compose.ComposeFile;
import io.realtimestreaming.deploy.compose.ComposeService;
import io.realtimestreaming.deploy.rules.ContainerPrivileges;
import io.realtimestreaming.deploy.rules.HealthGatedDependencies;
import io.realtimestreaming.deploy.rules.Healthchecks;
import io.realtimestreaming.deploy.rules.HostExposure;
import io.realtimestreaming.deploy.rules.MemoryLimits;
import io.realtimestreaming.deploy.rules.PinnedImages;
import io.realtimestreaming.devstack.service.ServiceCatalog;
import io.realtimestreaming.devstack.stack.ServiceSpec;
import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.devstack.stack.Topology;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.cluster.yml runs the cluster topology the devstack runs ({@code ./pipeline up
 * --topology cluster}): as many brokers, Cassandra nodes, Spark workers and ingest instances, the
 * same replication and consistency, and the deployment rules docker-compose.yml keeps.
 */
class ClusterParityTests {

  private static final ComposeFile CLUSTER =
      ComposeFile.parse(
          Repository.read("docker-compose.yml"), Repository.read("docker-compose.cluster.yml"));

  private static final StackSettings DEVSTACK =
      StackSettings.fromEnvironment(Repository.ROOT, Map.of("PIPELINE_TOPOLOGY", "cluster"));

  private static final Topology TOPOLOGY = Topology.CLUSTER;

  @Test
  void asManyBrokersReplicatingAsTheDevstacks() {
    List<ComposeService> brokers =
        CLUSTER.services().values().stream()
            .filter(s -> s.environment().containsKey("KAFKA_BROKER_ID"))
            .toList();

    assertThat(brokers).hasSize(TOPOLOGY.kafkaBrokers().size());
    assertThat(brokers)
        .extracting(s -> s.environment().get("KAFKA_BROKER_ID"))
        .doesNotHaveDuplicates();
    String replication = Integer.toString(TOPOLOGY.kafkaReplication());
    String minIsr = Integer.toString(TOPOLOGY.kafkaMinInSyncReplicas());
    for (ComposeService broker : brokers) {
      assertThat(broker.environment())
          .as(broker.name())
          .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", replication)
          .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", replication)
          .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", replication)
          .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", minIsr);
    }
    assertThat(CLUSTER.require("kafka-init").environment())
        .containsEntry("TOPIC_REPLICATION_FACTOR", replication)
        .containsEntry("TOPIC_MIN_INSYNC_REPLICAS", minIsr);
    assertThat(Repository.read("docker/kafka/create-topics.sh"))
        .contains("--replication-factor \"${TOPIC_REPLICATION_FACTOR:-1}\"")
        .contains("min.insync.replicas=\"${TOPIC_MIN_INSYNC_REPLICAS:-1}\"");
    assertThat(CLUSTER.require("ingest-service").environment())
        .containsEntry("INGEST_OUTBOX_REPLICAS", replication);
  }

  @Test
  void everyClientKnowsEveryBroker() {
    long brokers = TOPOLOGY.kafkaBrokers().size();
    for (String client : List.of("ingest-service", "ingest-service-2", "stream-job")) {
      assertThat(CLUSTER.require(client).environment().get("KAFKA_BOOTSTRAP_SERVERS").split(","))
          .as(client)
          .hasSize((int) brokers);
    }
    assertThat(
            CLUSTER
                .require("schema-registry")
                .environment()
                .get("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS")
                .split(","))
        .hasSize((int) brokers);
  }

  @Test
  void aRingOfAsManyCassandraNodesReplicatingAsTheDevstacks() {
    List<ComposeService> nodes =
        CLUSTER.services().values().stream()
            .filter(s -> s.environment().containsKey("CASSANDRA_SEEDS"))
            .toList();

    assertThat(nodes).hasSize(TOPOLOGY.cassandraNodes().size());
    assertThat(nodes).allMatch(ComposeService::hasHealthcheck, "health-checked");
    assertThat(CLUSTER.require("cassandra-init").environment())
        .containsEntry("PIPELINE_CASSANDRA_REPLICATION", DEVSTACK.cassandraReplication());
    assertThat(CLUSTER.require("stream-job").environment())
        .containsEntry("CASSANDRA_CONSISTENCY", "LOCAL_QUORUM");
    assertThat(
            CLUSTER.require("stream-job").environment().get("CASSANDRA_CONTACT_POINTS").split(","))
        .hasSize(nodes.size());
  }

  @Test
  void asManySparkWorkerCoresAsTheDevstacks() {
    long devstackWorkers =
        ServiceCatalog.all(TOPOLOGY).stream()
            .map(ServiceSpec::name)
            .filter(n -> n.startsWith("spark-worker"))
            .count();
    ComposeService workers = CLUSTER.require("spark-worker");

    assertThat((long) workers.scale()).isEqualTo(devstackWorkers);
    assertThat(String.join(" ", workers.command())).contains("--cores 1");
    assertThat(CLUSTER.require("stream-job").environment())
        .containsEntry("SPARK_EXECUTOR_CORES", "1")
        .containsEntry("SPARK_CORES_MAX", Long.toString(devstackWorkers))
        // fewer cores than partitions: real-time mode's long-running tasks would not all start
        .containsEntry("STREAM_TRIGGER", "micro-batch");
  }

  @Test
  void asManyIngestInstancesOnTheDevstacksPortsWithOneOutbox() {
    List<ComposeService> instances =
        CLUSTER.services().values().stream()
            .filter(
                s ->
                    s.image()
                        .filter(i -> i.startsWith("realtime-user-pipeline/ingest-service:"))
                        .isPresent())
            .toList();

    assertThat(instances).hasSize(TOPOLOGY.ingestInstances().size());
    for (int i = 0; i < instances.size(); i++) {
      String devstackName = TOPOLOGY.ingestInstances().get(i);
      assertThat(instances.get(i).publishes(DEVSTACK.port(devstackName)))
          .as(
              "%s publishes %d as devstack's %s",
              instances.get(i).name(), DEVSTACK.port(devstackName), devstackName)
          .isTrue();
      assertThat(instances.get(i).environment())
          .containsEntry("INGEST_INSTANCE_ID", devstackName)
          .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/ingest");
    }
  }

  @Test
  void theClusterKeepsTheDeploymentRules() {
    assertThat(PinnedImages.check(CLUSTER)).isEmpty();
    assertThat(Healthchecks.check(CLUSTER)).isEmpty();
    assertThat(HealthGatedDependencies.check(CLUSTER)).isEmpty();
    assertThat(MemoryLimits.check(CLUSTER)).isEmpty();
    assertThat(HostExposure.listensOn(CLUSTER, "${PUBLISH_ADDRESS:-127.0.0.1}")).isEmpty();
    assertThat(
            ContainerPrivileges.check(
                CLUSTER,
                Map.of(
                    "postgres", List.of("CHOWN", "DAC_OVERRIDE", "FOWNER", "SETGID", "SETUID"),
                    "cassandra", List.of("CHOWN", "DAC_OVERRIDE", "SETGID", "SETUID"),
                    "cassandra-2", List.of("CHOWN", "DAC_OVERRIDE", "SETGID", "SETUID"),
                    "cassandra-3", List.of("CHOWN", "DAC_OVERRIDE", "SETGID", "SETUID"))))
        .isEmpty();
  }
}
