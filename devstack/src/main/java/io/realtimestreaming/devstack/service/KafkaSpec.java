package io.realtimestreaming.devstack.service;

import io.realtimestreaming.devstack.stack.ConfigTemplate;
import io.realtimestreaming.devstack.stack.JavaCommand;
import io.realtimestreaming.devstack.stack.Runtimes;
import io.realtimestreaming.devstack.stack.ServiceSpec;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** The Kafka 3.9.2 broker, and the topics the pipeline uses (created once ready). */
final class KafkaSpec implements ServiceSpec {

  /**
   * The pipeline's topic and its dead-letter topic, as DESIGN.md names them, taking events up to 1
   * MiB (the ingest service's producer sends at most that; the user contract keeps events under 20
   * KB).
   */
  static final List<NewTopic> TOPICS =
      List.of(
          new NewTopic("users_created", 3, (short) 1)
              .configs(Map.of("max.message.bytes", "1048588")),
          new NewTopic("users_created.dlq", 3, (short) 1)
              .configs(Map.of("max.message.bytes", "1048588")));

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public String address(StackSettings s) {
    return s.kafkaBootstrapServers();
  }

  @Override
  public List<String> dependsOn() {
    return List.of("zookeeper");
  }

  @Override
  public List<String> prepare(StackSettings s, Runtimes runtimes) throws IOException {
    String listener = "PLAINTEXT://" + s.host() + ":" + s.port(name());
    Path config =
        ConfigTemplate.writeText(
            s,
            "server.properties",
            String.join(
                "\n",
                "broker.id=0",
                "listeners=" + listener,
                "advertised.listeners=" + listener,
                "zookeeper.connect=" + s.host() + ":" + s.port("zookeeper"),
                "log.dirs=" + s.dataDir(name()).resolve("logs"),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "min.insync.replicas=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "num.network.threads=2",
                "num.io.threads=4",
                "log.retention.hours=168",
                ""));
    Path log4j = ConfigTemplate.write(s, "kafka-log4j.properties", Map.of());
    return JavaCommand.forService(s, runtimes, name())
        .jvm(
            "-Xms" + s.heap(name()),
            "-Dlog4j.configuration=file:" + log4j,
            "-Djava.awt.headless=true")
        .classpath(runtimes.classpath("kafka"))
        .main("kafka.Kafka", config.toString());
  }

  /** Ready when the broker answers a metadata request with itself as a live node. */
  @Override
  public boolean isReady(StackSettings s) {
    try (Admin admin = admin(s)) {
      return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void afterReady(StackSettings s) throws Exception {
    try (Admin admin = admin(s)) {
      Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
      List<NewTopic> missing = TOPICS.stream().filter(t -> !existing.contains(t.name())).toList();
      try {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
          throw e;
        }
      }
    }
  }

  private static Admin admin(StackSettings s) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, s.kafkaBootstrapServers());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
    props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    return Admin.create(props);
  }
}
