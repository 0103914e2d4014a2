package io.realtimestreaming.devstack.cql;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.loadbalancing.NodeDistance;
import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.model.cql.ContactPoints;
import java.net.InetSocketAddress;
import java.time.Duration;

/** Opens driver sessions to the stack's Cassandra. */
public final class CqlSessions {

  /** SimpleSnitch puts a single node in this data center. */
  public static final String LOCAL_DATACENTER = "datacenter1";

  private CqlSessions() {}

  /**
   * A session to the stack's Cassandra: every node of the topology as a contact point, reading and
   * writing at {@code LOCAL_QUORUM} (on a single node, that node), as the stream job writes.
   */
  public static CqlSession open(StackSettings settings) {
    var builder =
        CqlSession.builder().withLocalDatacenter(LOCAL_DATACENTER).withConfigLoader(config());
    return builder.addContactPoints(ContactPoints.parse(settings.cassandraContactPoints())).build();
  }

  /** A session that talks to one node only: what a node's readiness probe asks. */
  public static CqlSession openNode(String host, int port) {
    InetSocketAddress node = new InetSocketAddress(host, port);
    return CqlSession.builder()
        .addContactPoint(node)
        .withLocalDatacenter(LOCAL_DATACENTER)
        .withConfigLoader(config())
        .withNodeDistanceEvaluator(
            (candidate, localDc) ->
                candidate.getEndPoint().resolve().equals(node) ? null : NodeDistance.IGNORED)
        .build();
  }

  private static DriverConfigLoader config() {
    return DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(5))
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(20))
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(5))
        .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(20))
        .withString(DefaultDriverOption.REQUEST_CONSISTENCY, "LOCAL_QUORUM")
        // The driver's default backs off up to 60 s between reconnections: a node restarted
        // after a 30 s outage stayed unusable to this session for up to a minute after it was
        // ready, and a read in that window failed with NoNodeAvailable. The stack's nodes are
        // local, so trying every 2 s costs nothing.
        .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(2))
        .build();
  }
}
