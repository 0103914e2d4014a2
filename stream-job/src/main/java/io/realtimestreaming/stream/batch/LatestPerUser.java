package io.realtimestreaming.stream.batch;

import io.realtimestreaming.model.User;
import io.realtimestreaming.stream.decode.SourcePosition;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The newest record of each user among those offered, so that a chunk writes each user once: the
 * highest version, and of equal versions the later in Kafka (see {@link SourcePosition#isAfter}).
 * The writes' timestamps (the versions) would let the newest win anyway; this only spares the
 * superseded writes.
 */
final class LatestPerUser {

  private record Latest(SourcePosition at, User user) {

    boolean newerThan(Latest other) {
      return user.version() != other.user.version()
          ? user.version() > other.user.version()
          : at.isAfter(other.at);
    }
  }

  private final Map<UUID, Latest> latest = new HashMap<>();
  private long offered;

  void offer(SourcePosition at, User user) {
    offered++;
    latest.merge(user.id(), new Latest(at, user), (kept, now) -> now.newerThan(kept) ? now : kept);
  }

  Collection<User> users() {
    return latest.values().stream().map(Latest::user).toList();
  }

  /** How many distinct users were offered. */
  int size() {
    return latest.size();
  }

  /** How many offered records lost to a newer record of the same user. */
  long superseded() {
    return offered - latest.size();
  }
}
