package io.realtimestreaming.ingest.users;

import io.realtimestreaming.model.User;

/**
 * A user mapped from randomuser, with its record as received (stored as {@code users.raw}).
 *
 * @param rawJson the randomuser result object, serialized
 */
public record FetchedUser(User user, String rawJson) {}
