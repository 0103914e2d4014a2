package io.realtimestreaming.ingest.outbox;

import java.util.UUID;

/**
 * One event of a claimed outbox row.
 *
 * @param seq the outbox row (a stored page) the event belongs to
 * @param userId the Kafka key
 * @param payload the Kafka value as it is sent
 */
record OutboxRow(long seq, UUID runId, UUID userId, byte[] payload) {}
