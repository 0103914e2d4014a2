package io.realtimestreaming.ingest.users;

import io.realtimestreaming.model.User;

/**
 * A user mapped from randomuser, ready to store: the columns, the record as received, and the event
 * to publish.
 *
 * @param rawJson the randomuser result object, its UTF-8 bytes as received (stored as {@code
 *     users.raw})
 * @param event the Kafka value for this user (Avro in the Confluent wire format), encoded with the
 *     user so that the outbox row holds exactly what the users row holds
 */
public record FetchedUser(User user, byte[] rawJson, byte[] event) {}
