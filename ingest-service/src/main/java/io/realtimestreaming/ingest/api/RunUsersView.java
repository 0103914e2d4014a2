package io.realtimestreaming.ingest.api;

import java.util.List;
import java.util.UUID;

/**
 * A sample of a run's users: the ids of users whose latest ingestion was this run (a user fetched
 * again by a later run belongs to that run from then on), in id order.
 */
record RunUsersView(UUID runId, int limit, List<UUID> userIds) {}
