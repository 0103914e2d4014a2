package io.realtimestreaming.ingest.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox relay and its Kafka topic ({@code ingest.outbox.*}).
 *
 * @param topic the topic users are published to; the value subject is {@code <topic>-value}
 * @param partitions partitions of the topic when the service creates it
 * @param replicas replication factor of the topic when the service creates it
 * @param schemaRegistryUrl the registry's Confluent-compatible API
 * @param batchPages outbox rows (each a stored page's events) claimed, sent and acknowledged per
 *     relay transaction
 * @param pollInterval pause between relay passes once the outbox is drained, unless a commit of new
 *     events wakes the relay first ({@code wakeOnCommit})
 * @param wakeOnCommit listen for the outbox's commits (PostgreSQL LISTEN/NOTIFY) and relay them at
 *     once, rather than at the next poll
 * @param healthTimeout how long the Kafka health check waits for the cluster to answer
 * @param stallTimeout how long events may wait without the relay moving the outbox forward before
 *     health says {@code DEGRADED}
 * @param maxMessageBytes the topic's {@code max.message.bytes} when the service creates it: the
 *     largest event Kafka takes (the producer's {@code max.request.size} is set just below it); the
 *     user contract keeps events under 20 KB
 */
@ConfigurationProperties("ingest.outbox")
public record OutboxProperties(
    @DefaultValue("users_created") String topic,
    @DefaultValue("3") int partitions,
    @DefaultValue("1") short replicas,
    @DefaultValue("http://127.0.0.1:8081/apis/ccompat/v7") String schemaRegistryUrl,
    @DefaultValue("4") int batchPages,
    @DefaultValue("200ms") Duration pollInterval,
    @DefaultValue("true") boolean wakeOnCommit,
    @DefaultValue("3s") Duration healthTimeout,
    @DefaultValue("30s") Duration stallTimeout,
    @DefaultValue("1048588") int maxMessageBytes) {

  public OutboxProperties {
    if (batchPages < 1) {
      throw new IllegalArgumentException(
          "ingest.outbox.batch-pages=" + batchPages + " must be > 0");
    }
  }

  /** The registry subject of the topic's values (TopicNameStrategy). */
  public String subject() {
    return topic + "-value";
  }
}
