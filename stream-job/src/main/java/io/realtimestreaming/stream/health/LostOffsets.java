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
import java.util.OptionalLong;
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
 * <p>Reads the offsets the query resumes from (those of the last committed batch: {@code
 * offsets/<batch>}, a version line, the batch metadata, then {@code {"topic": {"partition":
 * offset}}}) through Hadoop's file system API, which the checkpoint itself uses (a local folder,
 * HDFS, S3), and compares each partition's offset with what the broker holds, and with the end of a
 * batch planned but not committed (planned behind where the last batch ended: the topic was
 * recreated under the running job).
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
    Map<TopicPartition, Long> checkpointed = resumeOffsets(checkpointDir, hadoop);
    if (checkpointed.isEmpty()) {
      return List.of();
    }
    Map<TopicPartition, Long> planned = plannedOffsets(checkpointDir, hadoop);
    try (Admin admin = admin(bootstrapServers)) {
      Map<TopicPartition, Long> earliest = offsets(admin, checkpointed, OffsetSpec.earliest());
      Map<TopicPartition, Long> latest = offsets(admin, checkpointed, OffsetSpec.latest());
      List<Gap> gaps = new ArrayList<>();
      checkpointed.forEach(
          (partition, offset) -> {
            long from = earliest.getOrDefault(partition, 0L);
            long to = latest.getOrDefault(partition, 0L);
            // a batch planned up to an offset below where the last one ended: the topic was
            // recreated while the job ran, and Spark would fail that batch at every start
            boolean plannedBehind = planned.getOrDefault(partition, offset) < offset;
            if (offset < from || offset > to || plannedBehind) {
              gaps.add(new Gap(partition.topic(), partition.partition(), offset, from, to));
            }
          });
      return gaps;
    }
  }

  /** An admin client for the job's checks: a Kafka away answers within seconds, not minutes. */
  static Admin admin(String bootstrapServers) {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            10_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            15_000));
  }

  /**
   * Where the query resumes: the source offsets the last committed batch ended at (the checkpoint's
   * {@code offsets/<n>} for the highest {@code commits/<n>}); empty before the first commit.
   */
  static Map<TopicPartition, Long> resumeOffsets(String checkpointDir, Configuration hadoop)
      throws IOException {
    OptionalLong committed = lastBatch(checkpointDir, "commits", hadoop);
    return committed.isPresent()
        ? offsetsOf(checkpointDir, committed.getAsLong(), hadoop)
        : Map.of();
  }

  /**
   * The end offsets of a batch planned but not committed (Spark runs it again at the next start),
   * or empty when the last planned batch is committed.
   */
  static Map<TopicPartition, Long> plannedOffsets(String checkpointDir, Configuration hadoop)
      throws IOException {
    OptionalLong planned = lastBatch(checkpointDir, "offsets", hadoop);
    OptionalLong committed = lastBatch(checkpointDir, "commits", hadoop);
    if (planned.isEmpty()
        || (committed.isPresent() && committed.getAsLong() >= planned.getAsLong())) {
      return Map.of();
    }
    return offsetsOf(checkpointDir, planned.getAsLong(), hadoop);
  }

  /** The highest batch number in a checkpoint folder ({@code offsets} or {@code commits}). */
  private static OptionalLong lastBatch(String checkpointDir, String folder, Configuration hadoop)
      throws IOException {
    Path dir = new Path(checkpointDir, folder);
    FileSystem fs = dir.getFileSystem(hadoop);
    if (!fs.exists(dir)) {
      return OptionalLong.empty();
    }
    OptionalLong last = OptionalLong.empty();
    for (FileStatus file : fs.listStatus(dir)) {
      String name = file.getPath().getName();
      if (name.matches("\\d+") && (last.isEmpty() || Long.parseLong(name) > last.getAsLong())) {
        last = OptionalLong.of(Long.parseLong(name));
      }
    }
    return last;
  }

  private static Map<TopicPartition, Long> offsetsOf(
      String checkpointDir, long batch, Configuration hadoop) throws IOException {
    Path file = new Path(new Path(checkpointDir, "offsets"), Long.toString(batch));
    FileSystem fs = file.getFileSystem(hadoop);
    if (!fs.exists(file)) {
      return Map.of();
    }
    try (InputStream in = fs.open(file)) {
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
