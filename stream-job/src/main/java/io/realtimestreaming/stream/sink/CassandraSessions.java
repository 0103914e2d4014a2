package io.realtimestreaming.stream.sink;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.realtimestreaming.model.cql.ContactPoints;
import io.realtimestreaming.stream.settings.CassandraTarget;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link CqlSession} per cluster per JVM: every task an executor runs shares it.
 *
 * <p>A session is expensive (connections, metadata, event loops) and thread-safe, and Spark tasks
 * are short: opening one per task would cost more than the writes. Sessions close when the JVM
 * exits. One that fails to open is not kept, so a task retried after an outage tries again.
 */
public final class CassandraSessions {

  private record Cluster(List<String> contactPoints, String localDatacenter) {}

  private static final Logger LOG = LoggerFactory.getLogger(CassandraSessions.class);

  // The one deliberate piece of static mutable state in the job: Spark has no per-executor
  // lifecycle to own a session, so the executor JVM owns it.
  private static final ConcurrentMap<Cluster, CqlSession> SESSIONS = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> SESSIONS.values().forEach(CqlSession::close), "cassandra-sessions-close"));
  }

  private CassandraSessions() {}

  /** The JVM's session to the target's cluster, opened on first use. */
  public static CqlSession forTarget(CassandraTarget target) {
    return SESSIONS.computeIfAbsent(
        new Cluster(target.contactPoints(), target.localDatacenter()), CassandraSessions::open);
  }

  private static CqlSession open(Cluster cluster) {
    LOG.info(
        "opening Cassandra session to {} (local DC {})",
        cluster.contactPoints(),
        cluster.localDatacenter());
    var builder =
        CqlSession.builder()
            .withLocalDatacenter(cluster.localDatacenter())
            // the shaded jar's classes and reference.conf, not those of Spark's context loader
            .withClassLoader(CassandraSessions.class.getClassLoader())
            .withConfigLoader(
                DriverConfigLoader.programmaticBuilder()
                    .withDuration(
                        DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(5))
                    .withDuration(
                        DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(5))
                    // longer than the server's write timeout (2 s), so that the server's timeout
                    // comes first and the retry policy sees it
                    .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(12))
                    .withDuration(
                        DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(20))
                    .withClass(
                        DefaultDriverOption.RETRY_POLICY_CLASS, WriteTimeoutRetryPolicy.class)
                    .withInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE, 2)
                    // Every task of the executor keeps up to max-in-flight writes outstanding on
                    // this one session, and the driver refuses a request that finds no free
                    // stream id instead of queueing it: with its default of 1,024 per connection,
                    // 3 tasks x 1,024 failed. The protocol's own limit leaves the bound to the
                    // writers' semaphores (CassandraUserWriter).
                    .withInt(DefaultDriverOption.CONNECTION_MAX_REQUESTS, 32_768)
                    .build());
    builder.addContactPoints(ContactPoints.parse(cluster.contactPoints()));
    return builder.build();
  }
}
