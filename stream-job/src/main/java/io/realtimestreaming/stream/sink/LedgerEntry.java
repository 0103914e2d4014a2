package io.realtimestreaming.stream.sink;

import java.util.UUID;

/**
 * What became of one event of an ingestion run: an event of the run ledger ({@code
 * spark_streams.run_outcomes}, packed with others of its run and outcome into a row by {@link
 * RunLedgerWriter}), which the ingest service counts to reconcile the run.
 *
 * @param outcome {@link #LANDED} or {@link #DEAD_LETTERED}
 * @param reason why it was dead-lettered; null when it landed
 */
public record LedgerEntry(UUID runId, String outcome, UUID userId, long version, String reason) {

  /** The user's row holds this version, or a newer one. */
  public static final String LANDED = "landed";

  /** The record went to the dead-letter topic. */
  public static final String DEAD_LETTERED = "dead_lettered";

  public static LedgerEntry landed(UUID runId, UUID userId, long version) {
    return new LedgerEntry(runId, LANDED, userId, version, null);
  }

  public static LedgerEntry deadLettered(UUID runId, UUID userId, long version, String reason) {
    return new LedgerEntry(runId, DEAD_LETTERED, userId, version, reason);
  }
}
