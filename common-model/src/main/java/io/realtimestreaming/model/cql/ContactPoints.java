package io.realtimestreaming.model.cql;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;

/** Cassandra contact points as every module configures them: {@code host:port}, one per node. */
public final class ContactPoints {

  private ContactPoints() {}

  /**
   * The addresses of {@code host:port} contact points, resolved now (as the driver matches them to
   * the nodes it then finds in the ring).
   *
   * @throws IllegalArgumentException naming a contact point that is not {@code host:port}
   */
  public static List<InetSocketAddress> parse(Collection<String> contactPoints) {
    return contactPoints.stream().map(ContactPoints::parseOne).toList();
  }

  private static InetSocketAddress parseOne(String contactPoint) {
    int colon = contactPoint.lastIndexOf(':');
    try {
      if (colon > 0) {
        int port = Integer.parseInt(contactPoint.substring(colon + 1).strip());
        return new InetSocketAddress(contactPoint.substring(0, colon).strip(), port);
      }
    } catch (IllegalArgumentException e) {
      // a port that is no number, or out of range: said below
    }
    throw new IllegalArgumentException(
        "Cassandra contact point '" + contactPoint + "' is not host:port, e.g. 127.0.0.1:9042");
  }
}
