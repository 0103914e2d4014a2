package io.realtimestreaming.ingest.outbox;

import java.util.UUID;

/**
 * One event of a claimed outbox row.
 *
 * @param seq the outbox row (a stored page) the event belongs to
 * @param userId the Kafka key
 * @param version the user's version the event carries; null for rows written before versions
 * @param payload the Kafka value as it is sent
 */
record OutboxEvent(long seq, UUID runId, UUID userId, Long version, byte[] payload) {}
