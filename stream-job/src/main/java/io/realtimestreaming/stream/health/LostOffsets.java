package io.realtimestreaming.stream.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Finds the offsets the checkpoint would resume from that Kafka no longer has: retention removed
 * them, or the topic was deleted and created again (a wiped broker, a {@code ./pipeline reset} that
 * kept the checkpoint). Spark fails every query start on them; retrying cannot help, so the job
 * must say so and stop trying.
 *
 * <p>Reads the checkpoint's last offsets file ({@code offsets/<batch>}: a version line, the batch
 * metadata, then {@code {"topic": {"partition": offset}}}) through Hadoop's file system API, which
 * the checkpoint itself uses (a local folder, HDFS, S3), and compares each partition's offset with
 * what the broker holds.
 */
public final class LostOffsets {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A partition whose checkpointed offset lies outside what Kafka holds. */
  public record Gap(String topic, int partition, long checkpointed, long earliest, long latest) {

    @Override
    public String toString() {
      return topic
          + "-"
          + partition
          + " at offset "
          + checkpointed
          + " (Kafka holds "
          + earliest
          + ".."
          + latest
          + ")";
    }
  }

  private LostOffsets() {}

  /**
   * The partitions the checkpoint would resume from at offsets Kafka no longer has; empty when
   * there is no checkpoint yet or every offset is there.
   *
   * @throws IOException when the checkpoint cannot be read
   * @throws ExecutionException when Kafka cannot answer (then nothing can be concluded)
   */
  public static List<Gap> find(String checkpointDir, String bootstrapServers, Configuration hadoop)
      throws IOException, ExecutionException, InterruptedException, TimeoutException {
    Map<TopicPartition, Long> checkpointed = lastOffsets(checkpointDir, hadoop);
    if (checkpointed.isEmpty()) {
      return List.of();
    }
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                15_000))) {
      Map<TopicPartition, Long> earliest = offsets(admin, checkpointed, OffsetSpec.earliest());
      Map<TopicPartition, Long> latest = offsets(admin, checkpointed, OffsetSpec.latest());
      List<Gap> gaps = new ArrayList<>();
      checkpointed.forEach(
          (partition, offset) -> {
            long from = earliest.getOrDefault(partition, 0L);
            long to = latest.getOrDefault(partition, 0L);
            if (offset < from || offset > to) {
              gaps.add(new Gap(partition.topic(), partition.partition(), offset, from, to));
            }
          });
      return gaps;
    }
  }

  /** The source offsets of the checkpoint's last batch; empty without a checkpoint. */
  static Map<TopicPartition, Long> lastOffsets(String checkpointDir, Configuration hadoop)
      throws IOException {
    Path offsets = new Path(checkpointDir, "offsets");
    FileSystem fs = offsets.getFileSystem(hadoop);
    if (!fs.exists(offsets)) {
      return Map.of();
    }
    Optional<Path> last = Optional.empty();
    long lastBatch = -1;
    for (FileStatus file : fs.listStatus(offsets)) {
      String name = file.getPath().getName();
      if (name.matches("\\d+")) {
        long batch = Long.parseLong(name);
        if (batch > lastBatch) {
          lastBatch = batch;
          last = Optional.of(file.getPath());
        }
      }
    }
    if (last.isEmpty()) {
      return Map.of();
    }
    try (InputStream in = fs.open(last.get())) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** An offsets file's source offsets: its third line, {@code {"topic":{"0":12,...}}}. */
  static Map<TopicPartition, Long> parse(String offsetsFile) throws IOException {
    String[] lines = offsetsFile.split("\n");
    Map<TopicPartition, Long> offsets = new HashMap<>();
    if (lines.length < 3) {
      return offsets;
    }
    JsonNode sources = JSON.readTree(lines[2]);
    for (Iterator<Map.Entry<String, JsonNode>> topics = sources.fields(); topics.hasNext(); ) {
      Map.Entry<String, JsonNode> topic = topics.next();
      for (Iterator<Map.Entry<String, JsonNode>> partitions = topic.getValue().fields();
          partitions.hasNext(); ) {
        Map.Entry<String, JsonNode> partition = partitions.next();
        offsets.put(
            new TopicPartition(topic.getKey(), Integer.parseInt(partition.getKey())),
            partition.getValue().asLong());
      }
    }
    return offsets;
  }

  private static Map<TopicPartition, Long> offsets(
      Admin admin, Map<TopicPartition, Long> partitions, OffsetSpec spec)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.keySet().forEach(p -> request.put(p, spec));
    Map<TopicPartition, Long> offsets = new HashMap<>();
    try {
      admin
          .listOffsets(request)
          .all()
          .get(15, TimeUnit.SECONDS)
          .forEach((p, info) -> offsets.put(p, info.offset()));
    } catch (ExecutionException e) {
      if (!(e.getCause()
          instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
        throw e;
      }
      // the topic or a partition is gone: Kafka holds nothing of it (0..0)
    }
    return offsets;
  }
}
