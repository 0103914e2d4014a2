package io.realtimestreaming.devstack.cql;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.net.InetSocketAddress;
import java.time.Duration;

/** Opens driver sessions to the stack's Cassandra. */
public final class CqlSessions {

  /** SimpleSnitch puts a single node in this data center. */
  public static final String LOCAL_DATACENTER = "datacenter1";

  private CqlSessions() {}

  public static CqlSession open(StackSettings settings) {
    return CqlSession.builder()
        .addContactPoint(new InetSocketAddress(settings.host(), settings.port("cassandra")))
        .withLocalDatacenter(LOCAL_DATACENTER)
        .withConfigLoader(
            DriverConfigLoader.programmaticBuilder()
                .withDuration(
                    DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(5))
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(20))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(5))
                .withDuration(
                    DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(20))
                .build())
        .build();
  }
}
