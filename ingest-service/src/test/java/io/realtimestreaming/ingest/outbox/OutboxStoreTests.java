package io.realtimestreaming.ingest.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxStoreTests {

  @Test
  void countsABatchPerRunForThePublishedCounters() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    List<OutboxRow> batch =
        List.of(row(1, first), row(2, second), row(3, first), row(4, first));

    assertThat(OutboxStore.perRun(batch)).isEqualTo(Map.of(first, 3L, second, 1L));
  }

  private static OutboxRow row(long seq, UUID run) {
    return new OutboxRow(seq, run, UUID.randomUUID(), new byte[] {0});
  }
}
