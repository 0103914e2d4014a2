package io.realtimestreaming.devstack.service;

import com.datastax.oss.driver.api.core.CqlSession;
import io.realtimestreaming.devstack.cql.CqlSessions;
import io.realtimestreaming.devstack.stack.ConfigTemplate;
import io.realtimestreaming.devstack.stack.JavaCommand;
import io.realtimestreaming.devstack.stack.Processes;
import io.realtimestreaming.devstack.stack.Runtimes;
import io.realtimestreaming.devstack.stack.ServiceSpec;
import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.model.cql.CqlScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Cassandra 5.0.9 (cassandra-all) as a single node, with cassandra/schema.cql applied once ready.
 */
final class CassandraSpec implements ServiceSpec {

  /** The module flags of Cassandra's conf/jvm17-server.options, which cassandra-all needs on 17. */
  private static final List<String> JDK17_FLAGS =
      List.of(
          "-Djdk.attach.allowAttachSelf=true",
          "--add-exports",
          "java.base/jdk.internal.misc=ALL-UNNAMED",
          "--add-exports",
          "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
          "--add-exports",
          "java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports",
          "java.rmi/sun.rmi.server=ALL-UNNAMED",
          "--add-exports",
          "java.sql/java.sql=ALL-UNNAMED",
          "--add-exports",
          "java.base/java.lang.ref=ALL-UNNAMED",
          "--add-exports",
          "jdk.unsupported/sun.misc=ALL-UNNAMED",
          "--add-exports",
          "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
          "--add-exports",
          "jdk.attach/sun.tools.attach=ALL-UNNAMED",
          "--add-opens",
          "java.base/java.lang.module=ALL-UNNAMED",
          "--add-opens",
          "java.base/jdk.internal.loader=ALL-UNNAMED",
          "--add-opens",
          "java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens",
          "java.base/jdk.internal.reflect=ALL-UNNAMED",
          "--add-opens",
          "java.base/jdk.internal.math=ALL-UNNAMED",
          "--add-opens",
          "java.base/jdk.internal.module=ALL-UNNAMED",
          "--add-opens",
          "java.base/jdk.internal.util.jar=ALL-UNNAMED",
          "--add-opens",
          "jdk.management/com.sun.management.internal=ALL-UNNAMED",
          "--add-opens",
          "java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens",
          "java.base/java.io=ALL-UNNAMED",
          "--add-opens",
          "java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens",
          "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
          "--add-opens",
          "java.base/java.lang=ALL-UNNAMED",
          "--add-opens",
          "java.base/java.util=ALL-UNNAMED",
          "-Dio.netty.tryReflectionSetAccessible=true");

  private final String name;
  private final int node;
  private final int nodes;

  /**
   * @param node this node's 0-based position in the ring
   * @param nodes how many nodes the ring has
   */
  CassandraSpec(String name, int node, int nodes) {
    this.name = name;
    this.node = node;
    this.nodes = nodes;
  }

  @Override
  public String role() {
    return nodes == 1
        ? "node"
        : "ring node " + (node + 1) + "/" + nodes + (node == 0 ? ", seed" : "");
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
  public List<Integer> ports(StackSettings s) {
    return List.of(s.port(name), s.port("cassandra-storage"));
  }

  /** Nodes join one after another: Cassandra refuses concurrent joins. */
  @Override
  public List<String> dependsOn() {
    return node == 0 ? List.of() : List.of(s(node - 1));
  }

  private String s(int index) {
    return nodes == 1 ? "cassandra" : "cassandra-" + (index + 1);
  }

  @Override
  public Duration startTimeout() {
    return Duration.ofSeconds(180);
  }

  @Override
  public List<String> prepare(StackSettings s, Runtimes runtimes) throws IOException {
    Path data = s.dataDir(name);
    String storagePort = Integer.toString(s.port("cassandra-storage"));
    Path yaml =
        ConfigTemplate.write(
            s,
            "cassandra.yaml",
            name + ".yaml",
            Map.of(
                "host", host(s),
                "port", Integer.toString(s.port(name)),
                "storagePort", storagePort,
                "seeds", s.host(s(0)) + ":" + storagePort,
                "initialToken", Long.toString(initialToken(node, nodes)),
                "dataDir", data.toString()));
    Path logback = ConfigTemplate.write(s, "cassandra-logback.xml", Map.of());
    return JavaCommand.forService(s, runtimes, name())
        .jvm("-Xms" + s.heap(name()), "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=300", "-Xss512k")
        .jvm(JDK17_FLAGS)
        .jvm(
            "-Dcassandra.config=file://" + yaml,
            "-Dcassandra.storagedir=" + data,
            "-Dcassandra.logdir=" + s.logFile(name()).getParent(),
            "-Dlogback.configurationFile=" + logback,
            "-Dcassandra-foreground=yes",
            "-Dcassandra.skip_wait_for_gossip_to_settle=0",
            "-Dcassandra.ring_delay_ms=1000",
            // JMX listens on localhost only, so each node of a ring needs a port of its own
            "-Dcassandra.jmx.local.port=" + (7199 + 100 * node),
            "-Djava.net.preferIPv4Stack=true")
        .classpath(runtimes.classpath("cassandra"))
        .main("org.apache.cassandra.service.CassandraDaemon");
  }

  /** Ready when this node itself answers {@code system.local} to a driver session. */
  @Override
  public boolean isReady(StackSettings s) {
    if (!Processes.portAnswers(host(s), s.port(name))) {
      return false;
    }
    try (CqlSession session = CqlSessions.openNode(host(s), s.port(name))) {
      return session.execute("select release_version from system.local").one() != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The token of node {@code node} of {@code nodes}: the Murmur3 range split evenly (a single node
   * keeps 0, the token it always had).
   */
  static long initialToken(int node, int nodes) {
    return nodes == 1 ? 0 : Long.MIN_VALUE + (long) (node * (Math.pow(2, 64) / nodes));
  }

  /** The schema, once the whole ring is up: the last node to join applies it. */
  @Override
  public void afterReady(StackSettings s) throws IOException {
    if (node < nodes - 1) {
      return;
    }
    CqlScript schema =
        CqlScript.parse(Files.readString(s.repoRoot().resolve("cassandra/schema.cql")))
            .withReplication(s.cassandraReplication());
    try (CqlSession session = CqlSessions.open(s)) {
      schema.statements().forEach(session::execute); // each IF [NOT] EXISTS: safe to repeat
    }
  }
}
