package io.realtimestreaming.stream.settings;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.sql.streaming.Trigger;

/**
 * Everything the job is told, parsed once from flags and environment ({@link StreamOptions}).
 *
 * @param schemaFile the CQL to create the keyspace and table from, or null for the copy in the jar
 * @param createSchema false when the job's Cassandra role may not create tables
 * @param cassandraReplication a replication map replacing schema.cql's, or blank
 * @param failOnDataLoss stop when the checkpoint's offsets are gone from Kafka (else skip them)
 * @param statusFile where the job writes its state, or null
 * @param consumerGroup the group the processed offsets are committed to, for lag; blank for none
 * @param master the Spark master, or null to leave it to spark-submit (local[3] when run plainly)
 * @param realTime Spark's real-time mode instead of micro-batches
 * @param triggerInterval micro-batch: between batches; real-time: how long a long-running batch
 *     lasts before its offsets are checkpointed; null for the mode's default
 */
public record StreamSettings(
    String bootstrapServers,
    String topic,
    String registryUrl,
    String dlqTopic,
    CassandraTarget cassandra,
    Path schemaFile,
    boolean createSchema,
    String cassandraReplication,
    String checkpointDir,
    boolean realTime,
    String triggerInterval,
    long maxOffsetsPerTrigger,
    String startingOffsets,
    boolean failOnDataLoss,
    Path statusFile,
    String consumerGroup,
    String master) {

  /** The interval between micro-batches when none is given. */
  public static final String MICRO_BATCH_INTERVAL = "500 milliseconds";

  /**
   * How long a real-time batch runs when none is given. A batch is replayed in full after a crash,
   * and the consumer group's offsets (the lag operators see) move when it ends; each end costs the
   * records then arriving some 100-300 ms (docs/benchmarks.md, Levers).
   */
  public static final String REAL_TIME_INTERVAL = "15 seconds";

  public StreamSettings {
    if (triggerInterval == null || triggerInterval.isBlank()) {
      triggerInterval = realTime ? REAL_TIME_INTERVAL : MICRO_BATCH_INTERVAL;
    }
    require("Kafka bootstrap servers", bootstrapServers);
    require("topic", topic);
    require("schema registry URL", registryUrl);
    require("checkpoint dir", checkpointDir);
    require("starting offsets", startingOffsets);
    Trigger.ProcessingTime(triggerInterval); // throws IllegalArgumentException naming the value
    if (maxOffsetsPerTrigger < 1) {
      throw new IllegalArgumentException(
          "maxOffsetsPerTrigger must be positive, not " + maxOffsetsPerTrigger);
    }
    if (topic.equals(dlqTopic)) {
      throw new IllegalArgumentException("the DLQ topic must differ from the topic read: " + topic);
    }
  }

  /** {@code micro-batch} or {@code real-time}. */
  public static boolean realTime(String trigger) {
    return switch (trigger == null ? "" : trigger.strip()) {
      case "micro-batch" -> false;
      case "real-time" -> true;
      default ->
          throw new IllegalArgumentException(
              "trigger '" + trigger + "' is neither micro-batch nor real-time");
    };
  }

  public Trigger trigger() {
    return realTime ? Trigger.RealTime(triggerInterval) : Trigger.ProcessingTime(triggerInterval);
  }

  public DeadLetterTarget deadLetters() {
    return new DeadLetterTarget(bootstrapServers, dlqTopic);
  }

  public Optional<String> consumerGroupName() {
    return Optional.ofNullable(consumerGroup).filter(g -> !g.isBlank());
  }

  public Optional<String> sparkMaster() {
    return Optional.ofNullable(master).filter(m -> !m.isBlank());
  }

  private static void require(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
  }
}
