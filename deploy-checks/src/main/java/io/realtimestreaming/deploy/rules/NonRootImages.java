package io.realtimestreaming.deploy.rules;

import io.realtimestreaming.deploy.docker.BuildStage;
import io.realtimestreaming.deploy.docker.Dockerfile;
import java.util.List;
import java.util.Optional;

/**
 * An image we build does not run as root: the final stage of its Dockerfile says {@code USER}, and
 * its last {@code USER} is neither {@code root} nor uid 0. Relying on the base image's user does
 * not count: it is invisible in the file and changes with the base.
 */
public final class NonRootImages {

  public static final String RULE = "non-root-images";

  private NonRootImages() {}

  public static List<Violation> check(String dockerfileName, Dockerfile dockerfile) {
    BuildStage last = dockerfile.finalStage();
    Optional<String> user = last.user();
    if (user.isEmpty()) {
      return List.of(
          new Violation(
              RULE,
              dockerfileName,
              "the final stage sets no USER, so the container runs as its base image's user (root for most): add USER with a non-root uid or name"));
    }
    String name = user.get().split(":", 2)[0].strip();
    if (name.equals("root") || name.equals("0")) {
      return List.of(
          new Violation(
              RULE,
              dockerfileName,
              "the final stage runs as "
                  + user.get()
                  + ": end it with USER and a non-root uid or name"));
    }
    return List.of();
  }
}
