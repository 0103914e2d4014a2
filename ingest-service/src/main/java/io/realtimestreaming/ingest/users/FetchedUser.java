package io.realtimestreaming.ingest.users;

import io.realtimestreaming.model.User;

/**
 * A user mapped from randomuser, ready to store: the columns and the record as received.
 *
 * @param rawJson the randomuser result object, its UTF-8 bytes as received (stored as {@code
 *     users.raw})
 */
public record FetchedUser(User user, byte[] rawJson) {}
