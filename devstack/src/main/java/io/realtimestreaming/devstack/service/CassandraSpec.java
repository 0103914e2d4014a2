package io.realtimestreaming.devstack.service;

import com.datastax.oss.driver.api.core.CqlSession;
import io.realtimestreaming.devstack.cql.CqlSchema;
import io.realtimestreaming.devstack.cql.CqlSessions;
import io.realtimestreaming.devstack.stack.ConfigTemplate;
import io.realtimestreaming.devstack.stack.JavaCommand;
import io.realtimestreaming.devstack.stack.Processes;
import io.realtimestreaming.devstack.stack.Runtimes;
import io.realtimestreaming.devstack.stack.ServiceSpec;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.IOException;
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

  @Override
  public String name() {
    return "cassandra";
  }

  @Override
  public String address(StackSettings s) {
    return s.host() + ":" + s.port(name());
  }

  @Override
  public List<Integer> ports(StackSettings s) {
    return List.of(s.port(name()), s.port("cassandra-storage"));
  }

  @Override
  public Duration startTimeout() {
    return Duration.ofSeconds(180);
  }

  @Override
  public List<String> prepare(StackSettings s, Runtimes runtimes) throws IOException {
    Path data = s.dataDir(name());
    Path yaml =
        ConfigTemplate.write(
            s,
            "cassandra.yaml",
            Map.of(
                "host", s.host(),
                "port", Integer.toString(s.port(name())),
                "storagePort", Integer.toString(s.port("cassandra-storage")),
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
            "-Djava.net.preferIPv4Stack=true")
        .classpath(runtimes.classpath(name()))
        .main("org.apache.cassandra.service.CassandraDaemon");
  }

  /** Ready when a driver session can read {@code system.local}. */
  @Override
  public boolean isReady(StackSettings s) {
    if (!Processes.portAnswers(s.host(), s.port(name()))) {
      return false;
    }
    try (CqlSession session = CqlSessions.open(s)) {
      return session.execute("select release_version from system.local").one() != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void afterReady(StackSettings s) throws IOException {
    try (CqlSession session = CqlSessions.open(s)) {
      CqlSchema.apply(
          session, s.repoRoot().resolve("cassandra/schema.cql"), s.cassandraReplication());
    }
  }
}
