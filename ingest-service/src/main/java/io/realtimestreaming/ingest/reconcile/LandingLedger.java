package io.realtimestreaming.ingest.reconcile;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.realtimestreaming.model.cql.ContactPoints;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Reads the stream job's per-run ledger in Cassandra (its packs of events, {@code
 * cassandra/schema.cql}): how many of a run's events landed and how many were dead-lettered, and
 * which users. The session opens on first use, so the service starts and works without Cassandra;
 * while Cassandra cannot be reached, reads throw and the run view says the ledger is unavailable.
 */
@Component
public class LandingLedger implements DisposableBean {

  /** Outcomes the stream job records. */
  static final String LANDED = "landed";

  static final String DEAD_LETTERED = "dead_lettered";

  /** After a failed open, reads fail at once for this long instead of waiting on each one. */
  private static final Duration RETRY_OPEN_AFTER = Duration.ofSeconds(10);

  private final LedgerProperties properties;
  private CqlSession session;
  private Instant openFailedAt;
  private RuntimeException openFailure;
  private PreparedStatement packs;

  LandingLedger(LedgerProperties properties) {
    this.properties = properties;
  }

  /** A run's events by outcome. */
  public record Counts(long landed, long deadLettered) {}

  private record Event(UUID userId, long version) {}

  /**
   * Distinct (user, version) events per outcome: a retried stream batch may have packed an event
   * twice.
   *
   * @throws RuntimeException (the driver's) when Cassandra does not answer
   */
  public Counts counts(UUID runId) {
    Set<Event> landed = new HashSet<>();
    Set<Event> deadLettered = new HashSet<>();
    for (Row pack : session().execute(packs.bind(runId))) {
      Set<Event> outcome =
          switch (pack.getString(0)) {
            case LANDED -> landed;
            case DEAD_LETTERED -> deadLettered;
            default -> null; // an outcome of a later stream job: not counted here
          };
      if (outcome != null) {
        List<UUID> users = pack.getList(1, UUID.class);
        List<Long> versions = pack.getList(2, Long.class);
        for (int i = 0; i < users.size(); i++) {
          outcome.add(new Event(users.get(i), versions.get(i)));
        }
      }
    }
    return new Counts(landed.size(), deadLettered.size());
  }

  /** Users the ledger has an outcome for in the run, whatever the outcome and version. */
  public Set<UUID> recordedUsers(UUID runId) {
    Set<UUID> recorded = new HashSet<>();
    for (Row pack : session().execute(packs.bind(runId))) {
      recorded.addAll(pack.getList(1, UUID.class));
    }
    return recorded;
  }

  private synchronized CqlSession session() {
    if (session != null) {
      return session;
    }
    if (openFailedAt != null
        && Duration.between(openFailedAt, Instant.now()).compareTo(RETRY_OPEN_AFTER) < 0) {
      throw openFailure;
    }
    CqlSession opened = null;
    try {
      opened = open();
      String table = properties.keyspace() + "." + properties.table();
      packs =
          opened.prepare(
              "SELECT outcome, user_ids, versions FROM " + table + " WHERE ingestion_run_id = ?");
      session = opened; // only once usable: a failed open is tried again later
      openFailedAt = null;
      return session;
    } catch (RuntimeException e) {
      if (opened != null) {
        opened.close(); // its table is missing, say: no session may leak per read
      }
      openFailedAt = Instant.now();
      openFailure = e;
      throw e;
    }
  }

  private CqlSession open() {
    var builder =
        CqlSession.builder()
            .withLocalDatacenter(properties.localDatacenter())
            .withConfigLoader(
                DriverConfigLoader.programmaticBuilder()
                    .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, properties.requestTimeout())
                    .withDuration(
                        DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT,
                        properties.requestTimeout())
                    .withDuration(
                        DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, properties.requestTimeout())
                    .withString(
                        DefaultDriverOption.REQUEST_CONSISTENCY,
                        DefaultConsistencyLevel.valueOf(properties.consistency()).name())
                    .build());
    builder.addContactPoints(ContactPoints.parse(properties.contactPoints()));
    return builder.build();
  }

  @Override
  public synchronized void destroy() {
    if (session != null) {
      session.close();
    }
  }
}
