package io.realtimestreaming.stream.health;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.spark.SparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real-time mode's one demand on resources: a task slot for every Kafka partition, for the whole of
 * each long batch. With fewer, Spark starts what fits and the other partitions' tasks wait for a
 * slot, so their records land a batch late or later, with nothing failing. The job refuses to start
 * instead, saying what to change.
 */
public final class TaskSlots {

  private static final Logger LOG = LoggerFactory.getLogger(TaskSlots.class);

  private TaskSlots() {}

  /**
   * Throws when the query could not run a task per partition of {@code topic}. The slots are local
   * mode's threads, or a cluster's {@code spark.cores.max}; without that cap (executors come and
   * go) nothing is checked, nor when Kafka cannot say how many partitions the topic has.
   *
   * @throws IllegalStateException naming the partitions, the slots and the ways out
   */
  public static void requireOnePerPartition(
      SparkContext spark, String topic, String bootstrapServers) {
    Optional<Integer> slots = slots(spark);
    if (slots.isEmpty()) {
      return;
    }
    Optional<Integer> partitions = partitions(topic, bootstrapServers);
    partitions
        .flatMap(p -> shortfall(slots.get(), p, topic))
        .ifPresent(
            reason -> {
              throw new IllegalStateException(reason);
            });
  }

  /**
   * Why {@code slots} task slots cannot run real-time mode on {@code partitions}, if they cannot.
   */
  static Optional<String> shortfall(int slots, int partitions, String topic) {
    if (slots >= partitions) {
      return Optional.empty();
    }
    return Optional.of(
        "real-time mode runs a task per Kafka partition for the whole batch: topic "
            + topic
            + " has "
            + partitions
            + " partitions, the job has "
            + slots
            + " task slots, so "
            + (partitions - slots)
            + " would wait a batch or more. Give the job "
            + partitions
            + " cores (local["
            + partitions
            + "], or spark.cores.max / SPARK_CORES_MAX), or run --trigger micro-batch"
            + " (STREAM_TRIGGER=micro-batch)");
  }

  private static Optional<Integer> slots(SparkContext spark) {
    int perTask = spark.getConf().getInt("spark.task.cpus", 1);
    if (spark.isLocal()) {
      return Optional.of(spark.defaultParallelism() / perTask);
    }
    return spark.getConf().contains("spark.cores.max")
        ? Optional.of(spark.getConf().getInt("spark.cores.max", 0) / perTask)
        : Optional.empty();
  }

  private static Optional<Integer> partitions(String topic, String bootstrapServers) {
    try (Admin admin = LostOffsets.admin(bootstrapServers)) {
      return Optional.of(
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get(15, TimeUnit.SECONDS)
              .get(topic)
              .partitions()
              .size());
    } catch (ExecutionException | TimeoutException e) {
      // a missing topic or a Kafka away: the query start reports those itself
      LOG.warn("cannot count the partitions of {} now: {}", topic, e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
