package io.realtimestreaming.testing;

/**
 * Where the real services of a test answer. The same object whether they run in containers or as
 * devstack processes; an endpoint of a service the test did not ask for may not answer.
 */
public record ServiceEndpoints(
    String kafkaBootstrapServers,
    String schemaRegistryUrl,
    String jdbcUrl,
    String jdbcUsername,
    String jdbcPassword,
    String cassandraHost,
    int cassandraPort,
    String cassandraLocalDatacenter,
    String randomUserUrl) {

  /** {@code host:port} of Cassandra's native protocol, as contact points are written. */
  public String cassandraContactPoint() {
    return cassandraHost + ":" + cassandraPort;
  }
}
