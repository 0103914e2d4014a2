package io.realtimestreaming.devstack.stack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
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
    Path runtimesDir,
    Topology topology,
    String host,
    Map<String, Integer> ports,
    Map<String, String> hosts,
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
          // a page of 5,000 users is some 15 MB as fetched, then as rows, events and statements;
          // with 2 runs at once a 384m heap spent a third of the service's CPU collecting
          // (docs/benchmarks.md, Levers)
          Map.entry("ingest-service", "1g"),
          Map.entry("stream-job", "1g"),
          Map.entry("airflow", "n/a"),
          // the cluster topology: smaller heaps, so that all of it fits the 2-core, 24 GB machine
          Map.entry("kafka-1", "320m"),
          Map.entry("kafka-2", "320m"),
          Map.entry("kafka-3", "320m"),
          Map.entry("cassandra-1", "640m"),
          Map.entry("cassandra-2", "640m"),
          Map.entry("cassandra-3", "640m"),
          Map.entry("spark-master", "256m"),
          Map.entry("spark-worker-1", "256m"),
          Map.entry("spark-worker-2", "256m"),
          Map.entry("ingest-service-1", "384m"),
          Map.entry("ingest-service-2", "384m"));

  /** The ring's replication: every row on all three nodes. */
  static final String CLUSTER_REPLICATION =
      "{'class': 'NetworkTopologyStrategy', 'datacenter1': 3}";

  public StackSettings {
    ports = Map.copyOf(ports);
    hosts = Map.copyOf(hosts);
    heaps = Map.copyOf(heaps);
  }

  /**
   * Settings from the environment; {@code repoRoot} is the checkout that holds ./pipeline. The
   * topology is {@code PIPELINE_TOPOLOGY}, else the one the last {@code up} started, else single.
   */
  public static StackSettings fromEnvironment(Path repoRoot, Map<String, String> env) {
    Path base =
        Path.of(env.getOrDefault("PIPELINE_HOME", repoRoot.resolve(".local").toString()))
            .toAbsolutePath();
    String named = env.get("PIPELINE_TOPOLOGY");
    Topology topology =
        named != null && !named.isBlank() ? Topology.of(named) : TopologyMarker.read(base);
    return of(repoRoot, env, base, topology);
  }

  private static StackSettings of(
      Path repoRoot, Map<String, String> env, Path base, Topology topology) {
    DevDefaults defaults = DevDefaults.of(repoRoot);
    Map<String, Integer> ports = new HashMap<>();
    for (String name : defaults.servicesWithPorts()) {
      String value = env.get(variable(name, "PORT"));
      ports.put(
          name, value == null || value.isBlank() ? defaults.port(name) : parsePort(name, value));
    }
    Map<String, String> heaps = new HashMap<>();
    DEFAULT_HEAPS.forEach(
        (name, heap) -> heaps.put(name, env.getOrDefault(variable(name, "HEAP"), heap)));
    String replication = env.getOrDefault("PIPELINE_CASSANDRA_REPLICATION", "");
    return new StackSettings(
        repoRoot,
        topology == Topology.SINGLE ? base : base.resolve("cluster"),
        base.resolve("runtimes"),
        topology,
        env.getOrDefault("PIPELINE_HOST", "127.0.0.1"),
        ports,
        defaults.hosts(),
        heaps,
        env.getOrDefault("PIPELINE_POSTGRES_DB", defaults.get("postgres.database")),
        env.getOrDefault("PIPELINE_POSTGRES_USER", defaults.get("postgres.user")),
        env.getOrDefault("PIPELINE_POSTGRES_PASSWORD", defaults.get("postgres.password")),
        env.getOrDefault("INGEST_API_KEY", defaults.get("ingest.api-key")),
        replication.isBlank() && topology == Topology.CLUSTER ? CLUSTER_REPLICATION : replication,
        parseSeconds(env.getOrDefault("PIPELINE_START_TIMEOUT", "0")));
  }

  /** The same settings for another topology (as {@code up --topology} asks). */
  public StackSettings withTopology(Topology other, Map<String, String> env) {
    return of(repoRoot, env, baseDir(), other);
  }

  /**
   * The folder of the whole devstack ({@code PIPELINE_HOME}, default {@code .local}): the single
   * topology's home, the cluster's parent, where the runtimes and the topology marker live.
   */
  public Path baseDir() {
    return topology == Topology.SINGLE ? home : home.getParent();
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
        runtimesDir,
        topology,
        host,
        p,
        hosts,
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

  /** The address {@code service} listens on: its own for the ring's nodes, else the stack's. */
  public String host(String service) {
    return hosts.getOrDefault(service, host);
  }

  /** The brokers' addresses, comma-separated. */
  public String kafkaBootstrapServers() {
    return String.join(",", addresses(topology.kafkaBrokers()));
  }

  /** The Cassandra nodes' {@code host:port}, in node order. */
  public List<String> cassandraContactPoints() {
    return addresses(topology.cassandraNodes());
  }

  /** The ingest service's root URL, e.g. {@code http://127.0.0.1:8088} (its first instance). */
  public String ingestServiceUrl() {
    return ingestServiceUrl(topology.ingestInstances().get(0));
  }

  /** The root URL of one ingest service instance. */
  public String ingestServiceUrl(String instance) {
    return "http://" + host(instance) + ":" + port(instance);
  }

  private List<String> addresses(List<String> services) {
    return services.stream().map(name -> host(name) + ":" + port(name)).toList();
  }

  /**
   * The ingest service's actuator root URL (its management port), e.g. {@code
   * http://127.0.0.1:18088} (its first instance).
   */
  public String ingestManagementUrl() {
    return ingestManagementUrl(topology.ingestInstances().get(0));
  }

  /** The actuator root URL of one ingest service instance. */
  public String ingestManagementUrl(String instance) {
    return "http://" + host(instance) + ":" + port(instance + "-management");
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
