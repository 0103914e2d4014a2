package io.realtimestreaming.devstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which topology the last {@code ./pipeline up} started ({@code .local/topology}), so that {@code
 * status}, {@code down}, {@code demo} and the tests find the stack that runs without being told.
 * {@code down} removes it once nothing runs.
 */
public final class TopologyMarker {

  private TopologyMarker() {}

  /** The topology last started, single when none was. */
  public static Topology read(Path base) {
    try {
      Path file = base.resolve("topology");
      return Files.isRegularFile(file) ? Topology.of(Files.readString(file)) : Topology.SINGLE;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void clear(Path base) throws IOException {
    Files.deleteIfExists(base.resolve("topology"));
  }

  public static void write(Path base, Topology topology) throws IOException {
    Files.createDirectories(base);
    Files.writeString(base.resolve("topology"), topology.label() + "\n");
  }
}
