package io.realtimestreaming.devstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server distributions the stack runs, resolved from Maven Central by the Maven wrapper on
 * first use (the poms under devstack/runtimes/) and cached under {@code .local/runtimes}.
 */
public final class Runtimes {

  private final StackSettings settings;

  public Runtimes(StackSettings settings) {
    this.settings = settings;
  }

  /** The classpath of a runtime declared in devstack/runtimes/NAME/pom.xml. */
  public synchronized String classpath(String runtime) throws IOException {
    Path file = settings.runtimesDir().resolve(runtime + ".classpath");
    if (!Files.isRegularFile(file) || Files.size(file) == 0) {
      resolve(runtime, "-Dclasspath.file=" + file);
    }
    return Files.readString(file).trim();
  }

  /** A runtime shipped as an archive, unpacked into a folder of its own. */
  public synchronized Path unpacked(String runtime) throws IOException {
    Path dir = settings.runtimesDir().resolve(runtime);
    Path done = dir.resolve(".unpacked");
    if (!Files.exists(done)) {
      resolve(runtime, "-Dunpack.dir=" + dir);
      Files.createFile(done);
    }
    return dir;
  }

  /**
   * A copy of the devstack's runnable jar (all its dependencies in), for the services that run from
   * it (postgres), built first when missing or stale. Not the running code's own location: started
   * by a test or an IDE, that is a folder of classes without the dependencies.
   */
  public String devstackJar(String service) throws IOException {
    return ModuleJar.runnableCopy(
            settings, service, "devstack", "devstack/target/devstack-0.1.0-SNAPSHOT-all.jar")
        .toString();
  }

  /** The java launcher of the JVM running this CLI (Java 17: Cassandra 5 needs it). */
  public String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private void resolve(String runtime, String outputProperty) throws IOException {
    Files.createDirectories(settings.runtimesDir());
    Path pom = settings.repoRoot().resolve("devstack/runtimes").resolve(runtime).resolve("pom.xml");
    List<String> command =
        new ArrayList<>(
            List.of(
                settings.repoRoot().resolve("mvnw").toString(),
                "-q",
                "-B",
                "-f",
                pom.toString(),
                "generate-resources",
                outputProperty));
    System.out.println("resolving " + runtime + " from Maven Central (first use only) ...");
    Path log = settings.runtimesDir().resolve(runtime + "-resolve.log");
    Process process =
        new ProcessBuilder(command)
            .directory(settings.repoRoot().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException(
            "resolving the "
                + runtime
                + " runtime failed; see "
                + log
                + " (is Maven Central reachable? is ~/.m2 writable?)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted resolving " + runtime, e));
    }
  }
}
