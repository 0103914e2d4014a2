package io.realtimestreaming.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.testcontainers.cassandra.CassandraContainer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.ConfluentKafkaContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The same services as Testcontainers, with the images docker-compose.yml runs. Each container
 * starts once per test JVM, on first use, and stops when the run ends.
 */
final class ContainerServices implements TestServices {

  static final String CONFLUENT_VERSION = "7.9.2";

  private final Network network = Network.newNetwork();
  private final Set<ServiceKind> running = EnumSet.noneOf(ServiceKind.class);
  private ConfluentKafkaContainer kafka;
  private GenericContainer<?> registry;
  private PostgreSQLContainer<?> postgres;
  private CassandraContainer cassandra;
  private final DevstackServices randomUser;

  ContainerServices(DevstackServices randomUser) {
    this.randomUser = randomUser;
  }

  @Override
  public synchronized void ensureUp(Collection<ServiceKind> services) {
    for (ServiceKind service : services) {
      if (running.add(service)) {
        start(service);
      }
    }
  }

  private void start(ServiceKind service) {
    switch (service) {
      case KAFKA -> startKafka();
      case REGISTRY -> {
        ensureUp(Set.of(ServiceKind.KAFKA));
        registry =
            new GenericContainer<>(
                    DockerImageName.parse("confluentinc/cp-schema-registry:" + CONFLUENT_VERSION))
                .withNetwork(network)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
                .withExposedPorts(8081)
                .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
        registry.start();
      }
      case POSTGRES -> {
        postgres =
            new PostgreSQLContainer<>(DockerImageName.parse("postgres:17.6"))
                .withDatabaseName("ingest")
                .withUsername("ingest")
                .withPassword("ingest");
        postgres.start();
      }
      case CASSANDRA -> startCassandra();
      // The offline randomuser source runs in the test JVM: no image needed.
      case RANDOMUSER -> randomUser.ensureUp(Set.of(ServiceKind.RANDOMUSER));
    }
  }

  private void startKafka() {
    kafka =
        new ConfluentKafkaContainer(
                DockerImageName.parse("confluentinc/cp-kafka:" + CONFLUENT_VERSION))
            .withNetwork(network)
            .withNetworkAliases("kafka")
            // a listener the registry container reaches over the shared network
            .withListener("kafka:19092");
    kafka.start();
  }

  private void startCassandra() {
    Path schema = RepositoryRoot.find().resolve("cassandra/schema.cql");
    cassandra =
        new CassandraContainer(DockerImageName.parse("cassandra:5.0.6"))
            .withCopyFileToContainer(MountableFile.forHostPath(schema), "/schema.cql");
    cassandra.start();
    try {
      var result = cassandra.execInContainer("cqlsh", "-f", "/schema.cql");
      if (result.getExitCode() != 0) {
        throw new IllegalStateException(
            "applying cassandra/schema.cql failed: " + result.getStderr());
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not apply cassandra/schema.cql", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted applying cassandra/schema.cql", e);
    }
  }

  @Override
  public ServiceEndpoints endpoints() {
    ServiceEndpoints devstack = randomUser.endpoints();
    return new ServiceEndpoints(
        kafka != null ? kafka.getBootstrapServers() : devstack.kafkaBootstrapServers(),
        registry != null
            ? "http://" + registry.getHost() + ":" + registry.getMappedPort(8081)
            : devstack.schemaRegistryUrl(),
        postgres != null ? postgres.getJdbcUrl() : devstack.jdbcUrl(),
        postgres != null ? postgres.getUsername() : devstack.jdbcUsername(),
        postgres != null ? postgres.getPassword() : devstack.jdbcPassword(),
        cassandra != null ? cassandra.getHost() : devstack.cassandraHost(),
        cassandra != null ? cassandra.getMappedPort(9042) : devstack.cassandraPort(),
        cassandra != null ? cassandra.getLocalDatacenter() : devstack.cassandraLocalDatacenter(),
        devstack.randomUserUrl());
  }

  @Override
  public synchronized void close() {
    for (GenericContainer<?> container :
        new GenericContainer<?>[] {registry, kafka, postgres, cassandra}) {
      if (container != null) {
        container.stop();
      }
    }
    network.close();
    randomUser.close();
  }
}
