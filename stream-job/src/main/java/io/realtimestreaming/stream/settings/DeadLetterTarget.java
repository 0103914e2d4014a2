package io.realtimestreaming.stream.settings;

import java.io.Serializable;

/** The Kafka topic poison records go to; shipped to every executor with the tasks. */
public record DeadLetterTarget(String bootstrapServers, String topic) implements Serializable {

  public DeadLetterTarget {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("Kafka bootstrap servers are required for the DLQ");
    }
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("the DLQ topic is required");
    }
  }
}
