package io.realtimestreaming.deploy.docker;

import java.util.List;
import java.util.Optional;

/**
 * One {@code FROM} of a Dockerfile: the image it starts from (or an earlier stage, when {@code
 * fromStage}), its {@code AS} name, and the {@code USER} instructions it holds, in order.
 */
public record BuildStage(
    String base, Optional<String> name, boolean fromStage, List<String> users) {

  public BuildStage {
    users = List.copyOf(users);
  }

  /** The user the stage's last {@code USER} sets; empty when it sets none. */
  public Optional<String> user() {
    return users.isEmpty() ? Optional.empty() : Optional.of(users.get(users.size() - 1));
  }

  public ImageReference image() {
    return ImageReference.parse(base);
  }
}
