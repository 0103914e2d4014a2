package io.realtimestreaming.stream.lag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the offsets each micro-batch processed to a Kafka consumer group, so that {@code
 * kafka-consumer-groups --describe --group stream-job} and Control Center show the job's lag per
 * partition. Spark's Kafka source assigns partitions itself and keeps its offsets in the
 * checkpoint, which stays the only source of truth on restart: this group is a gauge. A failed
 * commit is logged (at most once a minute) and never fails the query; the next batch commits again.
 */
public final class ConsumerGroupOffsets extends StreamingQueryListener implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConsumerGroupOffsets.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WARN_EVERY = Duration.ofMinutes(1);

  private final String queryName;
  private final String group;
  private final String bootstrapServers;
  private Admin admin;
  private Instant lastWarning = Instant.MIN;

  public ConsumerGroupOffsets(String queryName, String group, String bootstrapServers) {
    this.queryName = queryName;
    this.group = group;
    this.bootstrapServers = bootstrapServers;
  }

  @Override
  public void onQueryStarted(QueryStartedEvent event) {}

  @Override
  public void onQueryProgress(QueryProgressEvent event) {
    StreamingQueryProgress progress = event.progress();
    if (!queryName.equals(progress.name())) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (SourceProgress source : progress.sources()) {
      offsets.putAll(processedOffsets(source.endOffset()));
    }
    if (offsets.isEmpty()) {
      return;
    }
    try {
      admin().alterConsumerGroupOffsets(group, offsets).all().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      warn(e);
    }
  }

  /**
   * The next offset to read per partition, from a Kafka source's end offset JSON, e.g. {@code
   * {"users_created":{"0":120,"1":98,"2":131}}}: the same "next offset" a consumer commits.
   */
  static Map<TopicPartition, OffsetAndMetadata> processedOffsets(String endOffsetJson) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    if (endOffsetJson == null || endOffsetJson.isBlank()) {
      return offsets;
    }
    JsonNode topics;
    try {
      topics = JSON.readTree(endOffsetJson);
    } catch (java.io.IOException e) {
      return offsets; // not a Kafka source's offsets
    }
    topics
        .properties()
        .forEach(
            topic ->
                topic
                    .getValue()
                    .properties()
                    .forEach(
                        partition -> {
                          if (partition.getValue().canConvertToLong()) {
                            offsets.put(
                                new TopicPartition(
                                    topic.getKey(), Integer.parseInt(partition.getKey())),
                                new OffsetAndMetadata(partition.getValue().asLong()));
                          }
                        }));
    return offsets;
  }

  private Admin admin() {
    if (admin == null) {
      Properties props = new Properties();
      props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      props.put(AdminClientConfig.CLIENT_ID_CONFIG, "stream-job-offsets");
      props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
      props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
      admin = Admin.create(props);
    }
    return admin;
  }

  private void warn(Exception e) {
    Instant now = Instant.now();
    if (Duration.between(lastWarning, now).compareTo(WARN_EVERY) >= 0) {
      lastWarning = now;
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      LOG.warn(
          "cannot commit the processed offsets to consumer group {} (lag is not shown until it"
              + " can; the checkpoint is unaffected): {}",
          group,
          cause.toString());
    }
  }

  @Override
  public void onQueryIdle(QueryIdleEvent event) {}

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {
    close();
  }

  @Override
  public void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
      admin = null;
    }
  }
}
