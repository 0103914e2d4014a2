package io.realtimestreaming.devstack.service;

import io.realtimestreaming.devstack.stack.ConfigTemplate;
import io.realtimestreaming.devstack.stack.JavaCommand;
import io.realtimestreaming.devstack.stack.Runtimes;
import io.realtimestreaming.devstack.stack.ServiceSpec;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A Kafka 3.9.2 broker (ZooKeeper mode), and the topics the pipeline uses, created once enough
 * brokers are ready to hold every replica. The single topology runs one broker ({@code kafka}); the
 * cluster topology three ({@code kafka-1..3}), with the pipeline's topics and Kafka's internal ones
 * replicated three times and {@code min.insync.replicas=2}, so that a broker can die without a
 * write being refused or lost.
 */
final class KafkaSpec implements ServiceSpec {

  /** The pipeline's topic and its dead-letter topic, as DESIGN.md names them. */
  static final List<String> TOPICS = List.of("users_created", "users_created.dlq");

  /**
   * Events up to 1 MiB: the ingest service's producer sends at most that, and the user contract
   * keeps events under 20 KB.
   */
  static final String MAX_MESSAGE_BYTES = "1048588";

  /** A readiness probe asks often and must answer fast. */
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  /**
   * Creating replicated topics waits for the controller to place every replica: on 2 cores busy
   * starting a Cassandra ring that took more than 5 s (the probe's timeout once failed {@code up}
   * with the topics half made).
   */
  private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(30);

  /** How long ZooKeeper keeps a broker registered after it stops answering: 6 s, not 18. */
  static final Duration ZOOKEEPER_SESSION_TIMEOUT = Duration.ofSeconds(6);

  /**
   * What a broker logs when it starts while ZooKeeper still holds the registration of its killed
   * predecessor (Kafka's KafkaZkClient$CheckedEphemeral): the start fails until that session
   * expires.
   */
  private static final Pattern REGISTRATION_HELD =
      Pattern.compile("creating ephemeral at /brokers/ids/(\\d+), node already exists and owner");

  /**
   * What a broker logs when its own ZooKeeper session expired before it finished starting: on 2
   * cores busy starting a whole cluster, the broker (or ZooKeeper) stalled longer than the short
   * session timeout. The expired session holds nothing, so a new start registers.
   */
  private static final Pattern SESSION_EXPIRED_AT_START =
      Pattern.compile(
          "Exiting Kafka due to fatal exception during startup\\. \\(kafka\\.Kafka\\$\\)\\R"
              + "org\\.apache\\.zookeeper\\.KeeperException\\$SessionExpiredException");

  private final String name;
  private final int brokerId;

  KafkaSpec(String name, int brokerId) {
    this.name = name;
    this.brokerId = brokerId;
  }

  @Override
  public String role() {
    return "broker " + brokerId;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String address(StackSettings s) {
    return host(s) + ":" + s.port(name);
  }

  @Override
  public List<String> dependsOn() {
    return List.of("zookeeper");
  }

  @Override
  public List<String> prepare(StackSettings s, Runtimes runtimes) throws IOException {
    String listener = "PLAINTEXT://" + address(s);
    int replication = s.topology().kafkaReplication();
    String minIsr = Integer.toString(s.topology().kafkaMinInSyncReplicas());
    Path config =
        ConfigTemplate.writeText(
            s,
            name + "-server.properties",
            String.join(
                "\n",
                "broker.id=" + brokerId,
                "listeners=" + listener,
                "advertised.listeners=" + listener,
                "zookeeper.connect=" + s.host() + ":" + s.port("zookeeper"),
                // a dead broker is noticed when its session expires
                "zookeeper.session.timeout.ms=" + ZOOKEEPER_SESSION_TIMEOUT.toMillis(),
                "log.dirs=" + s.dataDir(name).resolve("logs"),
                "num.partitions=3",
                "default.replication.factor=" + replication,
                "offsets.topic.replication.factor=" + replication,
                "transaction.state.log.replication.factor=" + replication,
                "transaction.state.log.min.isr=" + minIsr,
                "min.insync.replicas=" + minIsr,
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "num.network.threads=2",
                "num.io.threads=4",
                "log.retention.hours=168",
                ""));
    Path log4j = ConfigTemplate.write(s, "kafka-log4j.properties", Map.of());
    return JavaCommand.forService(s, runtimes, name)
        .jvm(
            "-Xms" + s.heap(name),
            "-Dlog4j.configuration=file:" + log4j,
            "-Djava.awt.headless=true")
        .classpath(runtimes.classpath("kafka"))
        .main("kafka.Kafka", config.toString());
  }

  /** Ready when this broker answers a metadata request naming itself among the live brokers. */
  @Override
  public boolean isReady(StackSettings s) {
    try (Admin admin = admin(address(s), PROBE_TIMEOUT)) {
      return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).stream()
          .anyMatch(node -> node.id() == brokerId);
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * Creates the pipeline's topics once as many brokers are live as the topics have replicas: with
   * brokers starting side by side, the last one ready does it.
   */
  @Override
  public void afterReady(StackSettings s) throws Exception {
    int replication = s.topology().kafkaReplication();
    try (Admin admin = admin(s.kafkaBootstrapServers(), SETUP_TIMEOUT)) {
      if (admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() < replication) {
        return;
      }
      Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
      List<NewTopic> missing =
          TOPICS.stream()
              .filter(t -> !existing.contains(t))
              .map(
                  t ->
                      new NewTopic(t, 3, (short) replication)
                          .configs(
                              Map.of(
                                  "max.message.bytes",
                                  MAX_MESSAGE_BYTES,
                                  "min.insync.replicas",
                                  Integer.toString(s.topology().kafkaMinInSyncReplicas()))))
              .toList();
      try {
        admin.createTopics(missing).all().get(SETUP_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
          throw e;
        }
      }
    }
  }

  /**
   * A broker whose session expired while it started is started again at once. A broker killed
   * together with ZooKeeper (a crash, a killed session) leaves its registration in ZooKeeper's
   * snapshot; the restarted ZooKeeper restores the session and holds the registration until the
   * session times out. A broker started before then exits; one started after registers.
   */
  @Override
  public Optional<StartRetry> retryAfter(String startupLog) {
    if (SESSION_EXPIRED_AT_START.matcher(startupLog).find()) {
      return Optional.of(
          new StartRetry(
              "its ZooKeeper session expired while it started (a stall longer than "
                  + ZOOKEEPER_SESSION_TIMEOUT.toSeconds()
                  + " s on a busy machine)",
              Duration.ofSeconds(1)));
    }
    Matcher held = REGISTRATION_HELD.matcher(startupLog);
    if (!held.find()) {
      return Optional.empty();
    }
    return Optional.of(
        new StartRetry(
            "ZooKeeper still held the registration of a broker "
                + held.group(1)
                + " that was killed, until its session expires",
            ZOOKEEPER_SESSION_TIMEOUT.plusSeconds(1)));
  }

  private static Admin admin(String bootstrapServers, Duration requestTimeout) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestTimeout.toMillis());
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) requestTimeout.toMillis() * 2);
    props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    return Admin.create(props);
  }
}
