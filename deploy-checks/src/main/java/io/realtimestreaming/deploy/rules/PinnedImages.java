package io.realtimestreaming.deploy.rules;

import io.realtimestreaming.deploy.compose.ComposeFile;
import io.realtimestreaming.deploy.compose.ComposeService;
import io.realtimestreaming.deploy.docker.BuildStage;
import io.realtimestreaming.deploy.docker.Dockerfile;
import io.realtimestreaming.deploy.docker.ImageReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Every image pulled is pinned: a digest, or a tag that starts with a version (7.9.2, 17.6,
 * 4.1.1-scala2.13-java17-ubuntu). No tag, {@code latest}, or a tag without digits and dots ({@code
 * 17-jre}, {@code python3}) breaks the rule. In a compose file this covers the services that pull
 * their image; a service that builds one is covered by its Dockerfile's {@code FROM}s.
 */
public final class PinnedImages {

  public static final String RULE = "pinned-images";

  private PinnedImages() {}

  public static List<Violation> check(ComposeFile compose) {
    List<Violation> violations = new ArrayList<>();
    for (ComposeService service : compose.services().values()) {
      if (service.isBuilt()) {
        continue;
      }
      if (service.image().isEmpty()) {
        violations.add(new Violation(RULE, service.name(), "has neither image nor build"));
        continue;
      }
      ImageReference image = ImageReference.parse(service.image().get());
      image
          .unpinnedBecause()
          .ifPresent(
              why ->
                  violations.add(
                      new Violation(
                          RULE,
                          service.name(),
                          "image " + service.image().get() + " is not pinned: " + why)));
    }
    return violations;
  }

  public static List<Violation> check(String dockerfileName, Dockerfile dockerfile) {
    List<Violation> violations = new ArrayList<>();
    for (BuildStage stage : dockerfile.stages()) {
      if (stage.fromStage() || stage.base().equalsIgnoreCase("scratch")) {
        continue;
      }
      stage
          .image()
          .unpinnedBecause()
          .ifPresent(
              why ->
                  violations.add(
                      new Violation(
                          RULE,
                          dockerfileName,
                          "FROM " + stage.base() + " is not pinned: " + why)));
    }
    return violations;
  }
}
