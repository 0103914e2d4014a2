package io.realtimestreaming.stream.settings;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The table the job writes and how: shipped to every executor with the tasks.
 *
 * @param contactPoints {@code host:port} of one or more nodes
 * @param localDatacenter the data center the driver routes to ({@code datacenter1} for a single
 *     node with SimpleSnitch)
 * @param ledgerTable the run ledger in the same keyspace (the sink's RunLedgerWriter writes it)
 * @param consistency a {@link DefaultConsistencyLevel} name, e.g. {@code LOCAL_QUORUM}
 * @param maxInFlight how many writes one task keeps outstanding at most
 */
public record CassandraTarget(
    List<String> contactPoints,
    String localDatacenter,
    String keyspace,
    String table,
    String ledgerTable,
    String consistency,
    int maxInFlight)
    implements Serializable {

  /** Writes a task keeps outstanding unless told otherwise (--cassandra-max-in-flight). */
  public static final int DEFAULT_MAX_IN_FLIGHT = 512;

  /** The consistency of writes unless told otherwise (--cassandra-consistency). */
  public static final String DEFAULT_CONSISTENCY = "LOCAL_QUORUM";

  public CassandraTarget {
    contactPoints = List.copyOf(contactPoints);
    if (contactPoints.isEmpty()) {
      throw new IllegalArgumentException(
          "at least one Cassandra contact point (host:port) is needed");
    }
    contactPoints.forEach(CassandraTarget::requireHostAndPort);
    requireIdentifier("keyspace", keyspace);
    requireIdentifier("table", table);
    requireIdentifier("ledger table", ledgerTable);
    consistency = consistency.strip().toUpperCase(Locale.ROOT);
    try {
      DefaultConsistencyLevel.valueOf(consistency);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Cassandra consistency '"
              + consistency
              + "' is not one of "
              + List.of(DefaultConsistencyLevel.values()));
    }
    if (maxInFlight < 1 || maxInFlight > 4096) {
      throw new IllegalArgumentException(
          "Cassandra max in-flight writes must be 1..4096, not " + maxInFlight);
    }
  }

  /** {@code keyspace.table}, quoted where CQL needs it. */
  public String qualifiedTable() {
    return qualified(table);
  }

  /** {@code keyspace.ledgerTable}, quoted where CQL needs it. */
  public String qualifiedLedgerTable() {
    return qualified(ledgerTable);
  }

  private String qualified(String name) {
    return CqlIdentifier.fromInternal(keyspace).asCql(true)
        + "."
        + CqlIdentifier.fromInternal(name).asCql(true);
  }

  public DefaultConsistencyLevel consistencyLevel() {
    return DefaultConsistencyLevel.valueOf(consistency);
  }

  private static void requireHostAndPort(String contactPoint) {
    int colon = contactPoint.lastIndexOf(':');
    if (colon <= 0 || !contactPoint.substring(colon + 1).matches("\\d{1,5}")) {
      throw new IllegalArgumentException(
          "Cassandra contact point '" + contactPoint + "' is not host:port, e.g. 127.0.0.1:9042");
    }
  }

  private static void requireIdentifier(String what, String name) {
    if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]{0,47}")) {
      throw new IllegalArgumentException(
          "Cassandra " + what + " '" + name + "' is not a plain CQL name (letters, digits, _)");
    }
  }
}
