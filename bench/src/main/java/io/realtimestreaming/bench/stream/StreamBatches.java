package io.realtimestreaming.bench.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the time of the stream job's batches went (micro-batches, or real-time mode's long ones),
 * from the line its BatchProgressLog writes per batch (Spark's own durations): writing (the sink),
 * checkpoint (offset and commit logs), offsets (asking Kafka for the latest), planning, and the
 * rest.
 */
public final class StreamBatches {

  /** One batch line. */
  record Batch(
      LocalDateTime at,
      long id,
      long inputRows,
      long totalMs,
      long writingMs,
      long checkpointMs,
      long offsetsMs,
      long planningMs) {}

  private static final Pattern LINE =
      Pattern.compile(
          "^(\\S+) .*batch (\\d+): (\\d+) input rows, \\d+ rows/s, (\\d+) ms \\((\\d+) ms writing,"
              + " (\\d+) ms checkpoint, (\\d+) ms offsets, (\\d+) ms planning\\)");

  private StreamBatches() {}

  /** The batches in the log lines, with rows, in order; other lines are skipped. */
  static List<Batch> parse(List<String> lines) {
    List<Batch> batches = new ArrayList<>();
    for (String line : lines) {
      Matcher m = LINE.matcher(line);
      if (m.find() && Long.parseLong(m.group(3)) > 0) {
        batches.add(
            new Batch(
                LocalDateTime.parse(m.group(1)),
                Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)),
                Long.parseLong(m.group(5)),
                Long.parseLong(m.group(6)),
                Long.parseLong(m.group(7)),
                Long.parseLong(m.group(8))));
      }
    }
    return batches;
  }

  /**
   * One sentence on the batches the job logged between {@code from} and {@code to} (its JVM's local
   * time, as the log's): their count and median durations.
   */
  public static String summary(Path log, LocalDateTime from, LocalDateTime to) throws IOException {
    List<Batch> in =
        parse(Files.readAllLines(log)).stream()
            .filter(b -> !b.at().isBefore(from) && !b.at().isAfter(to))
            .toList();
    return summary(in);
  }

  static String summary(List<Batch> batches) {
    if (batches.isEmpty()) {
      return "no batch with rows was logged";
    }
    long total = median(batches, Batch::totalMs);
    long writing = median(batches, Batch::writingMs);
    long checkpoint = median(batches, Batch::checkpointMs);
    long offsets = median(batches, Batch::offsetsMs);
    long planning = median(batches, Batch::planningMs);
    return String.format(
        Locale.ROOT,
        "%,d batches of median %,d rows took a median %,d ms: %,d writing (the sink),"
            + " %,d checkpoint, %,d asking Kafka for offsets, %,d planning (medians of each part)",
        batches.size(),
        median(batches, Batch::inputRows),
        total,
        writing,
        checkpoint,
        offsets,
        planning);
  }

  private static long median(List<Batch> batches, java.util.function.ToLongFunction<Batch> f) {
    long[] values = batches.stream().mapToLong(f).toArray();
    Arrays.sort(values);
    return values[values.length / 2];
  }
}
