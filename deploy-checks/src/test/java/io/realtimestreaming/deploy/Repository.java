package io.realtimestreaming.deploy;

import io.realtimestreaming.deploy.compose.ComposeFile;
import io.realtimestreaming.deploy.compose.EnvFile;
import io.realtimestreaming.deploy.docker.Dockerfile;
import io.realtimestreaming.testing.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checkout's deployment files, read for the checks. */
final class Repository {

  static final Path ROOT = RepositoryRoot.find();

  private Repository() {}

  static String read(String relativePath) {
    try {
      return Files.readString(ROOT.resolve(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + relativePath + " in " + ROOT, e);
    }
  }

  static boolean exists(String relativePath) {
    return Files.isRegularFile(ROOT.resolve(relativePath));
  }

  static ComposeFile compose() {
    return ComposeFile.parse(read("docker-compose.yml"));
  }

  /** The opt-in file that publishes the other ports, alone. */
  static ComposeFile portsOverride() {
    return ComposeFile.parse(read("docker-compose.ports.yml"));
  }

  /** docker-compose.yml with docker-compose.ports.yml applied: every port published. */
  static ComposeFile composeWithAllPorts() {
    return ComposeFile.parse(read("docker-compose.yml"), read("docker-compose.ports.yml"));
  }

  static EnvFile envExample() {
    return EnvFile.parse(read(".env.example"));
  }

  /** The Dockerfiles docker-compose.yml builds, by path from the repository root. */
  static Map<String, Dockerfile> builtDockerfiles() {
    Map<String, Dockerfile> dockerfiles = new TreeMap<>();
    compose()
        .services()
        .values()
        .forEach(
            s ->
                s.dockerfile()
                    .map(Repository::normalize)
                    .ifPresent(path -> dockerfiles.put(path, Dockerfile.parse(read(path)))));
    return dockerfiles;
  }

  /** A property of the root pom or a module's pom, e.g. {@code kafka.version}. */
  static Optional<String> mavenProperty(String pom, String property) {
    Matcher m =
        Pattern.compile(
                "<" + Pattern.quote(property) + ">([^<]+)</" + Pattern.quote(property) + ">")
            .matcher(read(pom));
    return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
  }

  private static String normalize(String path) {
    return path.startsWith("./") ? path.substring(2) : path;
  }
}
