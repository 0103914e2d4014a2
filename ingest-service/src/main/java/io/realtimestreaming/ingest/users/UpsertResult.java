package io.realtimestreaming.ingest.users;

/**
 * What a page upsert did.
 *
 * @param stored users written (inserted or updated)
 * @param duplicates of those, users that already existed (updated in place), counting a user that
 *     occurs twice in one page once more
 */
public record UpsertResult(int stored, int duplicates) {}
