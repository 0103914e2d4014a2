package io.realtimestreaming.stream.decode;

import java.io.Serializable;

/**
 * Where a record sits in Kafka: the coordinates a dead letter names, and the order that decides
 * which of two records of one user is the latest.
 *
 * @param timestampMs the record's Kafka timestamp (producer create time by default)
 */
public record SourcePosition(String topic, int partition, long offset, long timestampMs)
    implements Serializable {

  /**
   * True when this record came after {@code other}. Within a partition the offset decides (Kafka's
   * own order, immune to producer clocks); across partitions only the timestamps can, and ties go
   * to the higher partition so that the answer never depends on the order of the calls.
   */
  public boolean isAfter(SourcePosition other) {
    if (topic.equals(other.topic) && partition == other.partition) {
      return offset > other.offset;
    }
    if (timestampMs != other.timestampMs) {
      return timestampMs > other.timestampMs;
    }
    int byTopic = topic.compareTo(other.topic);
    return byTopic != 0 ? byTopic > 0 : partition > other.partition;
  }
}
