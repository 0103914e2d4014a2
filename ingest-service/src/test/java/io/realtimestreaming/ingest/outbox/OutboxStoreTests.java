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
    List<OutboxEvent> batch =
        List.of(event(1, first), event(2, second), event(2, second), event(3, first));

    assertThat(OutboxStore.perRun(batch)).isEqualTo(Map.of(first, 2L, second, 2L));
  }

  private static OutboxEvent event(long seq, UUID run) {
    return new OutboxEvent(seq, run, UUID.randomUUID(), seq, new byte[] {0});
  }
}
