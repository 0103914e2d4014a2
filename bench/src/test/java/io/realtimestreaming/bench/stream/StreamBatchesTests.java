package io.realtimestreaming.bench.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamBatchesTests {

  private static String line(String at, int batch, int rows, int total, int writing) {
    return at
        + " INFO  BatchProgressLog - batch "
        + batch
        + ": "
        + rows
        + " input rows, 500 rows/s, "
        + total
        + " ms ("
        + writing
        + " ms writing, 30 ms checkpoint, 5 ms offsets, 12 ms planning), "
        + rows
        + " rows written, 0 to DLQ, 0 superseded";
  }

  @Test
  void readsTheBatchLinesOfTheJobsLogAndSkipsTheRest() {
    List<StreamBatches.Batch> batches =
        StreamBatches.parse(
            List.of(
                "2026-12-01T03:00:00.000 INFO  UserStreamJob - query started",
                line("2026-12-01T03:00:01.250", 7, 100, 150, 90),
                line("2026-12-01T03:00:01.500", 8, 0, 20, 0),
                // a real-time mode batch: no outcome counts, its rows are in the run ledger
                "2026-12-01T03:00:16.500 INFO  BatchProgressLog - batch 9: 15000 input rows, 1000"
                    + " rows/s, 15010 ms (14990 ms writing, 12 ms checkpoint, 3 ms offsets, 5 ms"
                    + " planning) (real-time)"));

    assertThat(batches)
        .containsExactly(
            new StreamBatches.Batch(
                LocalDateTime.parse("2026-12-01T03:00:01.250"), 7, 100, 150, 90, 30, 5, 12),
            new StreamBatches.Batch(
                LocalDateTime.parse("2026-12-01T03:00:16.500"), 9, 15000, 15010, 14990, 12, 3, 5));
  }

  @Test
  void summarizesTheMedianOfEachPart() {
    List<StreamBatches.Batch> batches =
        StreamBatches.parse(
            List.of(
                line("2026-12-01T03:00:01.000", 1, 100, 100, 60),
                line("2026-12-01T03:00:02.000", 2, 300, 300, 200),
                line("2026-12-01T03:00:03.000", 3, 200, 200, 100)));

    assertThat(StreamBatches.summary(batches))
        .startsWith(
            "3 batches of median 200 rows took a median 200 ms: 100 writing (the sink), 30"
                + " checkpoint, 5 asking Kafka for offsets, 12 planning");
  }

  @Test
  void saysSoWhenNoBatchHadRows() {
    assertThat(StreamBatches.summary(List.of())).isEqualTo("no batch with rows was logged");
  }
}
