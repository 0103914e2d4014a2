package io.realtimestreaming.devstack.stack;

import java.util.List;
import java.util.Locale;

/**
 * How many of each engine the stack runs: {@code single} (the default: one process per service) or
 * {@code cluster} (three Kafka brokers, a three-node Cassandra ring, a Spark standalone master and
 * two workers, two ingest service instances). Each topology keeps its own data, so switching
 * between them never mixes their state.
 */
public enum Topology {
  SINGLE,
  CLUSTER;

  /** The topology named {@code single} or {@code cluster}, in any case. */
  public static Topology of(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "topology '" + name + "' is not single or cluster (--topology, PIPELINE_TOPOLOGY)");
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The Kafka brokers' service names. */
  public List<String> kafkaBrokers() {
    return this == SINGLE ? List.of("kafka") : List.of("kafka-1", "kafka-2", "kafka-3");
  }

  /** The Cassandra nodes' service names, in the order they join the ring. */
  public List<String> cassandraNodes() {
    return this == SINGLE
        ? List.of("cassandra")
        : List.of("cassandra-1", "cassandra-2", "cassandra-3");
  }

  /** The ingest service instances' names. */
  public List<String> ingestInstances() {
    return this == SINGLE
        ? List.of("ingest-service")
        : List.of("ingest-service-1", "ingest-service-2");
  }

  /** The processes that run {@code service}: its instances, or the service itself. */
  public List<String> instancesOf(String service) {
    return switch (service) {
      case "kafka" -> kafkaBrokers();
      case "cassandra" -> cassandraNodes();
      case "ingest-service" -> ingestInstances();
      default -> List.of(service);
    };
  }

  /** The replication factor of the pipeline's topics and Kafka's internal ones. */
  public int kafkaReplication() {
    return kafkaBrokers().size();
  }

  /** One replica may be away (a broker down) while writes go on; a single broker needs itself. */
  public int kafkaMinInSyncReplicas() {
    return Math.max(1, kafkaReplication() - 1);
  }
}
