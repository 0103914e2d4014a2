package io.realtimestreaming.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the checkout the tests run in: the folder that holds {@code ./pipeline}. */
public final class RepositoryRoot {

  private RepositoryRoot() {}

  public static Path find() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pipeline")) && Files.isDirectory(p.resolve("devstack"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "no ./pipeline found above " + dir + "; run the tests from inside the repository");
  }
}
