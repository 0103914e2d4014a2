package io.realtimestreaming.devstack.stack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the no-Docker stack lives and how it is sized. Everything comes from the environment
 * ({@code PIPELINE_<SERVICE>_PORT}, {@code PIPELINE_<SERVICE>_HEAP}, {@code INGEST_API_KEY}, ...)
 * with the development defaults of {@link DevDefaults}, and may be overridden per command by flags.
 *
 * @param ingestApiKey the key the devstack's ingest service is started with and its clients send
 */
public record StackSettings(
    Path repoRoot,
    Path home,
    String host,
    Map<String, Integer> ports,
    Map<String, String> heaps,
    String postgresDatabase,
    String postgresUser,
    String postgresPassword,
    String ingestApiKey,
    String cassandraReplication,
    int startTimeoutSeconds) {

  private static final Map<String, String> DEFAULT_HEAPS =
      Map.ofEntries(
          Map.entry("zookeeper", "128m"),
          Map.entry("kafka", "512m"),
          Map.entry("registry", "384m"),
          Map.entry("postgres", "128m"),
          Map.entry("cassandra", "1g"),
          Map.entry("randomuser", "256m"),
          Map.entry("ingest-service", "384m"),
          Map.entry("stream-job", "1g"),
          Map.entry("airflow", "n/a"));

  public StackSettings {
    ports = Map.copyOf(ports);
    heaps = Map.copyOf(heaps);
  }

  /** Settings from the environment; {@code repoRoot} is the checkout that holds ./pipeline. */
  public static StackSettings fromEnvironment(Path repoRoot, Map<String, String> env) {
    DevDefaults defaults = DevDefaults.of(repoRoot);
    Map<String, Integer> ports = new HashMap<>();
    Map<String, String> heaps = new HashMap<>();
    for (String name : defaults.servicesWithPorts()) {
      String value = env.get(variable(name, "PORT"));
      ports.put(
          name, value == null || value.isBlank() ? defaults.port(name) : parsePort(name, value));
    }
    DEFAULT_HEAPS.forEach(
        (name, heap) -> heaps.put(name, env.getOrDefault(variable(name, "HEAP"), heap)));
    Path home = Path.of(env.getOrDefault("PIPELINE_HOME", repoRoot.resolve(".local").toString()));
    return new StackSettings(
        repoRoot,
        home.toAbsolutePath(),
        env.getOrDefault("PIPELINE_HOST", "127.0.0.1"),
        ports,
        heaps,
        env.getOrDefault("PIPELINE_POSTGRES_DB", defaults.get("postgres.database")),
        env.getOrDefault("PIPELINE_POSTGRES_USER", defaults.get("postgres.user")),
        env.getOrDefault("PIPELINE_POSTGRES_PASSWORD", defaults.get("postgres.password")),
        env.getOrDefault("INGEST_API_KEY", defaults.get("ingest.api-key")),
        env.getOrDefault("PIPELINE_CASSANDRA_REPLICATION", ""),
        parseSeconds(env.getOrDefault("PIPELINE_START_TIMEOUT", "0")));
  }

  /** A copy with some ports and heaps replaced, as given by command-line flags. */
  public StackSettings with(Map<String, Integer> portOverrides, Map<String, String> heapOverrides) {
    Map<String, Integer> p = new HashMap<>(ports);
    Map<String, String> h = new HashMap<>(heaps);
    portOverrides.forEach((name, port) -> p.put(known(name), port));
    heapOverrides.forEach((name, heap) -> h.put(known(name), heap));
    return new StackSettings(
        repoRoot,
        home,
        host,
        p,
        h,
        postgresDatabase,
        postgresUser,
        postgresPassword,
        ingestApiKey,
        cassandraReplication,
        startTimeoutSeconds);
  }

  public int port(String service) {
    return ports.get(known(service));
  }

  public String heap(String service) {
    return heaps.get(known(service));
  }

  public Path dataDir(String service) {
    return home.resolve("data").resolve(service);
  }

  public Path logFile(String service) {
    return home.resolve("logs").resolve(service + ".log");
  }

  public Path pidFile(String service) {
    return home.resolve("pids").resolve(service + ".pid");
  }

  public Path confDir() {
    return home.resolve("conf");
  }

  public Path runtimesDir() {
    return home.resolve("runtimes");
  }

  public String kafkaBootstrapServers() {
    return host + ":" + port("kafka");
  }

  /** The ingest service's root URL, e.g. {@code http://127.0.0.1:8088}. */
  public String ingestServiceUrl() {
    return "http://" + host + ":" + port("ingest-service");
  }

  /**
   * The ingest service's actuator root URL (its management port), e.g. {@code
   * http://127.0.0.1:18088}.
   */
  public String ingestManagementUrl() {
    return "http://" + host + ":" + port("ingest-service-management");
  }

  /** Base URL of the registry's Confluent-compatible API. */
  public String registryUrl() {
    return "http://" + host + ":" + port("registry") + "/apis/ccompat/v7";
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port("postgres") + "/" + database;
  }

  private String known(String service) {
    if (!ports.containsKey(service)) {
      throw new IllegalArgumentException(
          "unknown service '" + service + "'; known: " + String.join(", ", ports.keySet()));
    }
    return service;
  }

  private static String variable(String service, String what) {
    return "PIPELINE_" + service.toUpperCase(Locale.ROOT).replace('-', '_') + "_" + what;
  }

  private static int parseSeconds(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "PIPELINE_START_TIMEOUT=" + value + " is not a number of seconds");
    }
  }

  /** How long {@code up} waits for a service: PIPELINE_START_TIMEOUT when set, else its own. */
  public java.time.Duration startTimeout(ServiceSpec spec) {
    return startTimeoutSeconds > 0
        ? java.time.Duration.ofSeconds(startTimeoutSeconds)
        : spec.startTimeout();
  }

  private static int parsePort(String service, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          variable(service, "PORT") + "=" + value + " is not a port number");
    }
  }
}
