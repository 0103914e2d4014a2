package io.realtimestreaming.bench.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicroBatchesTests {

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
    List<MicroBatches.Batch> batches =
        MicroBatches.parse(
            List.of(
                "2026-12-01T03:00:00.000 INFO  UserStreamJob - query started",
                line("2026-12-01T03:00:01.250", 7, 100, 150, 90),
                line("2026-12-01T03:00:01.500", 8, 0, 20, 0)));

    assertThat(batches)
        .singleElement()
        .isEqualTo(
            new MicroBatches.Batch(
                LocalDateTime.parse("2026-12-01T03:00:01.250"), 7, 100, 150, 90, 30, 5, 12));
  }

  @Test
  void summarizesTheMedianOfEachPart() {
    List<MicroBatches.Batch> batches =
        MicroBatches.parse(
            List.of(
                line("2026-12-01T03:00:01.000", 1, 100, 100, 60),
                line("2026-12-01T03:00:02.000", 2, 300, 300, 200),
                line("2026-12-01T03:00:03.000", 3, 200, 200, 100)));

    assertThat(MicroBatches.summary(batches))
        .startsWith(
            "3 micro-batches of median 200 rows took a median 200 ms: 100 writing (the sink), 30"
                + " checkpoint, 5 asking Kafka for offsets, 12 planning");
  }

  @Test
  void saysSoWhenNoBatchHadRows() {
    assertThat(MicroBatches.summary(List.of())).isEqualTo("no micro-batch with rows was logged");
  }
}
