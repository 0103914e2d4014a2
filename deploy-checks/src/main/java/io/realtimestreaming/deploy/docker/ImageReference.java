package io.realtimestreaming.deploy.docker;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image as docker-compose.yml's {@code image:} and a Dockerfile's {@code FROM} name it: {@code
 * [registry/]repository[:tag][@digest]}.
 */
public record ImageReference(String repository, Optional<String> tag, Optional<String> digest) {

  /** A version of at least two numbers at the start of the tag: 7.9.2, 17.6, 3.1.8-python3.11. */
  private static final Pattern VERSION = Pattern.compile("^v?(\\d+(?:\\.\\d+)+)");

  public static ImageReference parse(String reference) {
    String rest = reference.strip();
    Optional<String> digest = Optional.empty();
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = Optional.of(rest.substring(at + 1));
      rest = rest.substring(0, at);
    }
    Optional<String> tag = Optional.empty();
    int colon = rest.lastIndexOf(':');
    // a colon before the last slash is a registry's port (localhost:5000/image), not a tag
    if (colon > rest.lastIndexOf('/')) {
      tag = Optional.of(rest.substring(colon + 1));
      rest = rest.substring(0, colon);
    }
    return new ImageReference(rest, tag, digest);
  }

  /**
   * The version the tag starts with, e.g. {@code 4.1.1} of {@code 4.1.1-scala2.13-java17-ubuntu}.
   */
  public Optional<String> version() {
    return tag.filter(t -> !t.equals("latest"))
        .map(VERSION::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1));
  }

  /**
   * Pinned: a digest, or a tag that starts with a version. A missing tag means {@code latest};
   * {@code latest} and tags without a version ({@code 17-jre}, {@code python3}) move.
   */
  public boolean isPinned() {
    return digest.isPresent() || version().isPresent();
  }

  /** Why the image is not pinned, for a violation's message; empty when it is. */
  public Optional<String> unpinnedBecause() {
    if (isPinned()) {
      return Optional.empty();
    }
    if (repository.contains("$")) {
      return Optional.of("it is chosen by a variable, so nothing pins it here");
    }
    return Optional.of(
        tag.map(
                t ->
                    t.equals("latest")
                        ? "the tag 'latest' moves with every release"
                        : "the tag '" + t + "' names no version (digits and dots, e.g. 7.9.2)")
            .orElse("it has no tag, which means 'latest'"));
  }
}
