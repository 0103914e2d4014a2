package io.realtimestreaming.ingest.outbox;

/**
 * An event Kafka refused for a reason that sending it again cannot change.
 *
 * @param reason the refusal, e.g. {@code RecordTooLargeException: The message is 1048601 bytes ...}
 */
record ParkedEvent(OutboxEvent event, String reason) {}
