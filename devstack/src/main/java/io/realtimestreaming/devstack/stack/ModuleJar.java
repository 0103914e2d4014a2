package io.realtimestreaming.devstack.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A jar of one of the project's own modules, built with the Maven wrapper when it is missing or
 * older than its sources (or common-model's), so {@code ./pipeline up} never runs stale code.
 */
public final class ModuleJar {

  /** The ingest service's runnable (Spring Boot) jar; the module's plain jar is its library. */
  public static final String INGEST_SERVICE =
      "ingest-service/target/ingest-service-0.1.0-SNAPSHOT-exec.jar";

  /** The stream job's shaded jar, Spark provided. */
  public static final String STREAM_JOB = "stream-job/target/stream-job-0.1.0-SNAPSHOT-all.jar";

  /** The benchmarks' runnable jar ({@code ./pipeline bench}). */
  public static final String BENCH = "bench/target/bench-0.1.0-SNAPSHOT-all.jar";

  /** Modules whose sources a module's jar is built from, besides its own and common-model's. */
  private static final Map<String, List<String>> BUILT_FROM =
      Map.of("bench", List.of("devstack", "ingest-service", "stream-job"));

  private ModuleJar() {}

  /** The jar at {@code jar} (relative to the checkout), built first when needed. */
  public static Path ensureBuilt(StackSettings settings, String module, String jar)
      throws IOException {
    Path root = settings.repoRoot();
    Path built = root.resolve(jar);
    if (Files.isRegularFile(built) && !newerThan(Files.getLastModifiedTime(built), root, module)) {
      return built;
    }
    System.out.println("building " + jar + " (./mvnw -pl " + module + " -am package) ...");
    Path log = settings.home().resolve("logs").resolve(module + "-build.log");
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(
                root.resolve("mvnw").toString(),
                "-q",
                "-B",
                "-pl",
                module,
                "-am",
                "package",
                "-DskipTests")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException("building " + jar + " failed; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted building " + jar, e);
    }
    return built;
  }

  /**
   * A copy of the built jar in the service's data directory, to run from: a rebuild of the module
   * ({@code mvn package}) must not pull classes from under a running JVM, which loads some of them
   * lazily from its jar.
   */
  public static Path runnableCopy(StackSettings settings, String service, String module, String jar)
      throws IOException {
    Path built = ensureBuilt(settings, module, jar);
    Path copy = settings.dataDir(service).resolve(built.getFileName());
    Files.createDirectories(copy.getParent());
    Files.copy(built, copy, StandardCopyOption.REPLACE_EXISTING);
    return copy;
  }

  private static boolean newerThan(FileTime jarTime, Path root, String module) throws IOException {
    List<String> modules = new ArrayList<>(List.of(module, "common-model"));
    modules.addAll(BUILT_FROM.getOrDefault(module, List.of()));
    List<Path> sources = new ArrayList<>();
    for (String built : modules) {
      sources.add(root.resolve(built).resolve("src"));
      sources.add(root.resolve(built).resolve("pom.xml"));
    }
    for (Path source : sources) {
      if (!Files.exists(source)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(source)) {
        if (files.anyMatch(f -> lastModified(f).compareTo(jarTime) > 0)) {
          return true;
        }
      }
    }
    return false;
  }

  private static FileTime lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}
