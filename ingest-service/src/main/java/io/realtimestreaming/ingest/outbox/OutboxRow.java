package io.realtimestreaming.ingest.outbox;

import java.util.UUID;

/**
 * One claimed outbox row.
 *
 * @param payload the Kafka value as it is sent
 */
record OutboxRow(long seq, UUID runId, UUID userId, byte[] payload) {}
