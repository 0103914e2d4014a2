package io.realtimestreaming.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.realtimestreaming.deploy.compose.ComposeFile;
import io.realtimestreaming.deploy.compose.EnvFile;
import io.realtimestreaming.deploy.compose.VariableReference;
import io.realtimestreaming.deploy.docker.Dockerfile;
import io.realtimestreaming.deploy.rules.ContainerPrivileges;
import io.realtimestreaming.deploy.rules.DefaultSecrets;
import io.realtimestreaming.deploy.rules.DocumentedVariables;
import io.realtimestreaming.deploy.rules.HealthGatedDependencies;
import io.realtimestreaming.deploy.rules.Healthchecks;
import io.realtimestreaming.deploy.rules.HostExposure;
import io.realtimestreaming.deploy.rules.MemoryLimits;
import io.realtimestreaming.deploy.rules.NonRootImages;
import io.realtimestreaming.deploy.rules.PinnedActions;
import io.realtimestreaming.deploy.rules.PinnedImages;
import io.realtimestreaming.deploy.rules.PublishedPorts;
import io.realtimestreaming.deploy.rules.ReadOnlyServices;
import io.realtimestreaming.deploy.rules.RequiredSettings;
import io.realtimestreaming.deploy.rules.SpringPlaceholders;
import io.realtimestreaming.deploy.rules.Violation;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository's docker-compose.yml, Dockerfiles, .env.example and CI workflow keep every rule.
 */
class RepositoryDeploymentTests {

  private static final ComposeFile COMPOSE = Repository.compose();

  /**
   * Ports DESIGN.md names, published by docker-compose.yml or by the opt-in
   * docker-compose.ports.yml.
   */
  private static final List<Integer> DOCUMENTED_PORTS =
      List.of(8080, 9021, 9042, 9092, 8081, 2181, 5432, 8088, 18088, 8099, 9090, 7077, 4040);

  /**
   * What docker-compose.yml itself publishes: the pages and the API users open (Airflow, Control
   * Center, the ingest API, the Spark master UI). Everything else is opt-in.
   */
  private static final List<Integer> USER_FACING_PORTS = List.of(8080, 9021, 8088, 9090);

  /**
   * Capabilities an image's entrypoint needs because it starts as root, fixes the ownership of its
   * data and steps down to its own user with gosu (docker-compose.yml says why for each).
   */
  private static final Map<String, List<String>> CAPABILITIES_ADDED_BACK =
      Map.of(
          "postgres", List.of("CHOWN", "DAC_OVERRIDE", "FOWNER", "SETGID", "SETUID"),
          "cassandra", List.of("CHOWN", "DAC_OVERRIDE", "SETGID", "SETUID"));

  /** The application images this repository builds: read-only root, nothing but /tmp to write. */
  private static final List<String> READ_ONLY_SERVICES =
      List.of("ingest-service", "stream-job", "randomuser-local");

  /** The one setting that decides where published ports listen (127.0.0.1 unless .env says so). */
  private static final String PUBLISH_ADDRESS = "${PUBLISH_ADDRESS:-127.0.0.1}";

  /** The environment contract of the applications (shared contract, "Environment contract"). */
  private static final Map<String, List<String>> CONTRACT_SETTINGS =
      Map.of(
          "ingest-service",
          List.of(
              "SERVER_PORT",
              "INGEST_API_KEY",
              "SPRING_DATASOURCE_URL",
              "SPRING_DATASOURCE_USERNAME",
              "SPRING_DATASOURCE_PASSWORD",
              "KAFKA_BOOTSTRAP_SERVERS",
              "SCHEMA_REGISTRY_URL",
              "RANDOMUSER_BASE_URL",
              "INGEST_TOPIC"),
          "stream-job",
          List.of(
              "SPARK_MASTER",
              "KAFKA_BOOTSTRAP_SERVERS",
              "SCHEMA_REGISTRY_URL",
              "STREAM_TOPIC",
              "STREAM_DLQ_TOPIC",
              "CASSANDRA_CONTACT_POINTS",
              "CASSANDRA_LOCAL_DC",
              "CASSANDRA_KEYSPACE",
              "CASSANDRA_TABLE",
              "STREAM_CHECKPOINT_DIR"),
          "postgres",
          List.of("POSTGRES_PASSWORD", "INGEST_DB_PASSWORD", "AIRFLOW_DB_PASSWORD"),
          "schema-registry",
          List.of("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS"),
          "control-center",
          List.of("CONTROL_CENTER_BOOTSTRAP_SERVERS", "CONTROL_CENTER_SCHEMA_REGISTRY_URL"));

  /**
   * What every Airflow component needs to reach its database, the other components and the
   * pipeline.
   */
  private static final List<String> AIRFLOW_SETTINGS =
      List.of(
          "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN",
          "AIRFLOW__API_AUTH__JWT_SECRET",
          "AIRFLOW__CORE__EXECUTION_API_SERVER_URL",
          "AIRFLOW_CONN_INGEST_API",
          "AIRFLOW_CONN_CASSANDRA_DEFAULT");

  @Test
  void composeImagesArePinned() {
    assertThat(PinnedImages.check(COMPOSE)).isEmpty();
  }

  @Test
  void dockerfilesPinTheirBaseImagesAndEndAsANonRootUser() {
    List<Violation> violations = new ArrayList<>();
    Repository.builtDockerfiles()
        .forEach(
            (path, dockerfile) -> {
              violations.addAll(PinnedImages.check(path, dockerfile));
              violations.addAll(NonRootImages.check(path, dockerfile));
            });

    assertThat(violations).isEmpty();
  }

  @Test
  void composeBuildsEveryDockerfileOfTheRepository() {
    assertThat(Repository.builtDockerfiles())
        .containsOnlyKeys(
            "airflow/Dockerfile",
            "randomuser-local/Dockerfile",
            "ingest-service/Dockerfile",
            "stream-job/Dockerfile");
  }

  @Test
  void everyServiceHasAHealthcheckOrIsAOneShot() {
    assertThat(Healthchecks.check(COMPOSE)).isEmpty();
    assertThat(COMPOSE.services().keySet().stream().filter(COMPOSE::isOneShot))
        .containsExactlyInAnyOrder("kafka-init", "cassandra-init", "airflow-init");
  }

  @Test
  void dependenciesAreHealthGatedAndAcyclic() {
    assertThat(HealthGatedDependencies.check(COMPOSE)).isEmpty();
  }

  @Test
  void documentedPortsArePublishedOnceWithTheOptInPorts() {
    assertThat(PublishedPorts.check(Repository.composeWithAllPorts(), DOCUMENTED_PORTS)).isEmpty();
  }

  @Test
  void composePublishesOnlyWhatUsersOpen() {
    assertThat(HostExposure.onlyPublishes(COMPOSE, USER_FACING_PORTS)).isEmpty();
  }

  @Test
  void everyPublishedPortListensOnPublishAddress() {
    assertThat(HostExposure.listensOn(COMPOSE, PUBLISH_ADDRESS)).isEmpty();
    assertThat(HostExposure.listensOn(Repository.portsOverride(), PUBLISH_ADDRESS)).isEmpty();
  }

  @Test
  void thePortsOverrideOnlyAddsPortsToServicesOfComposeYml() {
    Map<String, Object> override = new Yaml().load(Repository.read("docker-compose.ports.yml"));
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services =
        (Map<String, Map<String, Object>>) override.get("services");

    assertThat(override.keySet()).containsOnly("services");
    assertThat(COMPOSE.services().keySet()).containsAll(services.keySet());
    services.forEach(
        (name, service) ->
            assertThat(service.keySet())
                .as("what docker-compose.ports.yml sets on %s", name)
                .containsOnly("ports"));
  }

  @Test
  void noContainerGainsPrivilegesOrKeepsCapabilitiesItDoesNotNeed() {
    assertThat(ContainerPrivileges.check(COMPOSE, CAPABILITIES_ADDED_BACK)).isEmpty();
  }

  @Test
  void everyServiceHasAMemoryLimitSizedFromItsHeap() {
    assertThat(MemoryLimits.check(COMPOSE)).isEmpty();
  }

  @Test
  void theApplicationImagesRunReadOnly() {
    assertThat(ReadOnlyServices.check(COMPOSE, READ_ONLY_SERVICES)).isEmpty();
    assertThat(READ_ONLY_SERVICES)
        .allMatch(name -> COMPOSE.require(name).isBuilt(), "built by this repository");
  }

  /** The variables docker-compose.yml requires ({@code ${NAME:?...}}): its secrets. */
  private static List<String> secrets() {
    return COMPOSE.variables().stream()
        .filter(v -> v.operator().equals(":?"))
        .map(VariableReference::name)
        .distinct()
        .toList();
  }

  @Test
  void composeHasNoDefaultForASecret() {
    assertThat(secrets())
        .containsExactlyInAnyOrder(
            "INGEST_API_KEY",
            "POSTGRES_PASSWORD",
            "INGEST_DB_PASSWORD",
            "AIRFLOW_DB_PASSWORD",
            "AIRFLOW_ADMIN_PASSWORD",
            "AIRFLOW_JWT_SECRET",
            "AIRFLOW_API_SECRET_KEY",
            "AIRFLOW_FERNET_KEY");
    assertThat(COMPOSE.variables())
        .filteredOn(v -> secrets().contains(v.name()))
        .allMatch(v -> v.operator().equals(":?"), "required wherever it is used");
  }

  /**
   * .env.example ships every secret empty, so that `cp .env.example .env && docker compose up`
   * refuses to start until the secrets are generated.
   */
  @Test
  void envExampleShipsNoSecretValue() {
    Map<String, String> example = Repository.envExample().values();

    secrets().forEach(name -> assertThat(example).as(name).containsEntry(name, ""));
  }

  @Test
  void generateSecretsFillsEverySecretComposeRequires() {
    Matcher list =
        Pattern.compile("(?m)^SECRETS=\\(([^)]*)\\)")
            .matcher(Repository.read("docker/generate-secrets.sh"));
    assertThat(list.find()).as("docker/generate-secrets.sh has SECRETS=( ... )").isTrue();

    assertThat(list.group(1).strip().split("\\s+")).containsExactlyInAnyOrderElementsOf(secrets());
  }

  /**
   * .env.example, or the env file {@code -Ddeploy.env-file=...} names (say, your .env before
   * PUBLISH_ADDRESS leaves 127.0.0.1), holds no guessable secret while the ports are published
   * beyond this machine.
   */
  @Test
  void theEnvFileHoldsNoDefaultSecretWhereOthersCanReachTheServices() {
    String file = System.getProperty("deploy.env-file", ".env.example");

    assertThat(DefaultSecrets.check(EnvFile.parse(readEnvFile(file)), secrets()))
        .as("secrets of %s", file)
        .isEmpty();
  }

  /**
   * The ingest service refuses development API keys outside its dev profile: compose is not dev.
   */
  @Test
  void composeRunsTheIngestServiceWithoutTheDevProfile() {
    assertThat(
            COMPOSE
                .require("ingest-service")
                .environment()
                .getOrDefault("SPRING_PROFILES_ACTIVE", ""))
        .doesNotContain("dev");
  }

  @Test
  void servicesSetTheSettingsTheContractRequires() {
    Map<String, List<String>> required = new HashMap<>(CONTRACT_SETTINGS);
    COMPOSE.services().keySet().stream()
        .filter(name -> name.startsWith("airflow-"))
        .forEach(name -> required.put(name, AIRFLOW_SETTINGS));

    assertThat(RequiredSettings.check(COMPOSE, required)).isEmpty();
  }

  @Test
  void ingestServiceOverridesEverySettingThatDefaultsToThisMachine() {
    String applicationYml = "ingest-service/src/main/resources/application.yml";
    assumeTrue(Repository.exists(applicationYml), "ingest-service has no application.yml yet");
    Set<String> loopback =
        new LinkedHashSet<>(
            SpringPlaceholders.withLoopbackDefaults(Repository.read(applicationYml)));

    assertThat(loopback).isNotEmpty();
    assertThat(RequiredSettings.check(COMPOSE, Map.of("ingest-service", loopback))).isEmpty();
  }

  @Test
  void envExampleListsEverySettingComposeUses() {
    assertThat(DocumentedVariables.check(COMPOSE, Repository.envExample())).isEmpty();
  }

  @Test
  void ciActionsArePinned() {
    assertThat(PinnedActions.check("ci.yml", Repository.read(".github/workflows/ci.yml")))
        .isEmpty();
  }

  @Test
  void dockerfilesBuildTheJarsTheContractNames() {
    Map<String, String> jarByDockerfile =
        Map.of(
            "ingest-service/Dockerfile",
            "ingest-service/target/ingest-service-0.1.0-SNAPSHOT-exec.jar",
            "stream-job/Dockerfile",
            "stream-job/target/stream-job-0.1.0-SNAPSHOT-all.jar",
            "randomuser-local/Dockerfile",
            "randomuser-local/target/randomuser-local-0.1.0-SNAPSHOT-all.jar");

    jarByDockerfile.forEach(
        (dockerfile, jar) -> assertThat(Repository.read(dockerfile)).as(dockerfile).contains(jar));
    assertThat(Repository.read("stream-job/Dockerfile"))
        .contains("io.realtimestreaming.stream.UserStreamJob");
  }

  @Test
  void theDockerBuildContextLeavesOutLocalStateAndSecrets() {
    List<String> ignored = Repository.read(".dockerignore").lines().map(String::strip).toList();

    assertThat(ignored).contains(".git", ".local", "**/target", ".env");
  }

  @Test
  void theMavenWrapperChecksTheDistributionItDownloads() {
    Properties wrapper = new Properties();
    try {
      wrapper.load(new StringReader(Repository.read(".mvn/wrapper/maven-wrapper.properties")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    assertThat(wrapper.getProperty("distributionUrl")).endsWith("-bin.zip");
    assertThat(wrapper.getProperty("distributionSha256Sum"))
        .as("the SHA-256 of distributionUrl's zip (Maven Central publishes it as .sha256)")
        .matches("[0-9a-f]{64}");
  }

  @Test
  void theStreamJobRunsOnTheSparkImageSoSparkSubmitIsThere() {
    assertThat(
            Dockerfile.parse(Repository.read("stream-job/Dockerfile"))
                .finalStage()
                .image()
                .repository())
        .isEqualTo("apache/spark");
  }

  private static String readEnvFile(String file) {
    try {
      return Files.readString(Repository.ROOT.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the env file " + file, e);
    }
  }
}
