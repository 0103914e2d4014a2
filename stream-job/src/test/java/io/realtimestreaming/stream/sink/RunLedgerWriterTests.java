package io.realtimestreaming.stream.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The key of a ledger pack: the same events keep it, any other event changes it. */
class RunLedgerWriterTests {

  static final UUID RUN = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
  static final UUID ANN = UUID.fromString("00000000-0000-0000-0000-000000000001");
  static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-000000000002");

  @Test
  void thePackOfTheSameEventsKeepsItsKey() {
    assertThat(key(LedgerEntry.landed(RUN, ANN, 1), List.of(ANN, BOB), List.of(1L, 2L)))
        .isEqualTo(key(LedgerEntry.landed(RUN, ANN, 1), List.of(ANN, BOB), List.of(1L, 2L)));
  }

  @Test
  void anotherRunOutcomeUserOrVersionMakesAnotherPack() {
    UUID key = key(LedgerEntry.landed(RUN, ANN, 1), List.of(ANN, BOB), List.of(1L, 2L));

    assertThat(
            key(LedgerEntry.landed(UUID.randomUUID(), ANN, 1), List.of(ANN, BOB), List.of(1L, 2L)))
        .isNotEqualTo(key);
    assertThat(
            key(LedgerEntry.deadLettered(RUN, ANN, 1, "bad"), List.of(ANN, BOB), List.of(1L, 2L)))
        .isNotEqualTo(key);
    assertThat(key(LedgerEntry.landed(RUN, ANN, 1), List.of(ANN), List.of(1L))).isNotEqualTo(key);
    assertThat(key(LedgerEntry.landed(RUN, ANN, 1), List.of(ANN, BOB), List.of(1L, 3L)))
        .isNotEqualTo(key);
  }

  private static UUID key(LedgerEntry first, List<UUID> users, List<Long> versions) {
    return RunLedgerWriter.packId(first, users, versions);
  }
}
