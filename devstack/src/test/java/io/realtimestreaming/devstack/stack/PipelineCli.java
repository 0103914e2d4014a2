package io.realtimestreaming.devstack.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built devstack jar as a process, as {@code ./pipeline} does, against its own stack. */
final class PipelineCli {

  record Result(int exitCode, String output) {}

  private final Path repoRoot = Path.of("..").toAbsolutePath().normalize();
  private final Path jar = Path.of("target/devstack-0.1.0-SNAPSHOT-all.jar").toAbsolutePath();
  private final Map<String, String> env;

  PipelineCli(Map<String, String> env) {
    this.env = env;
  }

  Result run(String... args) throws IOException, InterruptedException {
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          jar + " is missing: run this test with ./mvnw verify (after package)");
    }
    List<String> command =
        new ArrayList<>(List.of("java", "-Dpipeline.root=" + repoRoot, "-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("pipeline " + String.join(" ", args) + " hung:\n" + output);
    }
    System.out.println("$ pipeline " + String.join(" ", args) + "\n" + output);
    return new Result(process.exitValue(), output);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
