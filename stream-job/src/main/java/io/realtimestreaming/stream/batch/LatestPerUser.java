package io.realtimestreaming.stream.batch;

import io.realtimestreaming.model.User;
import io.realtimestreaming.stream.decode.SourcePosition;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The latest record of each user among those offered (see {@link SourcePosition#isAfter}), so that
 * a batch writes each user once, with the newest values, whatever order its writes complete in.
 */
final class LatestPerUser {

  private record Latest(SourcePosition at, User user) {}

  private final Map<UUID, Latest> latest = new HashMap<>();
  private long offered;

  void offer(SourcePosition at, User user) {
    offered++;
    latest.merge(
        user.id(), new Latest(at, user), (kept, now) -> now.at().isAfter(kept.at()) ? now : kept);
  }

  Collection<User> users() {
    return latest.values().stream().map(Latest::user).toList();
  }

  /** How many distinct users were offered. */
  int size() {
    return latest.size();
  }

  /** How many offered records lost to a later record of the same user. */
  long superseded() {
    return offered - latest.size();
  }
}
