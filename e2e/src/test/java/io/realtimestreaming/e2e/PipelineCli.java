package io.realtimestreaming.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code ./pipeline} as a user runs it: a process, its exit code and its output. */
final class PipelineCli {

  /** What a command printed, and how it ended. */
  record Result(int exitCode, String output) {}

  private final Path root;

  PipelineCli(Path root) {
    this.root = root;
  }

  Result run(Duration timeout, String... args) throws IOException, InterruptedException {
    return start(args).await(timeout);
  }

  /** Starts the command; its output goes to a file {@link Running#output()} reads as it grows. */
  Running start(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(root.resolve("pipeline").toString()));
    command.addAll(List.of(args));
    Path output = Files.createTempFile("pipeline-", ".out");
    Process process =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    return new Running(command, process, output);
  }

  /** A command still running. */
  record Running(List<String> command, Process process, Path file) {

    /** What it has printed so far. */
    String output() throws IOException {
      return Files.readString(file, StandardCharsets.UTF_8);
    }

    Result await(Duration timeout) throws IOException, InterruptedException {
      return awaitEnd(command, process, file, timeout);
    }
  }

  private static Result awaitEnd(
      List<String> command, Process process, Path output, Duration timeout)
      throws IOException, InterruptedException {
    try {
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError(
            String.join(" ", command)
                + " did not end within "
                + timeout
                + "; it printed:\n"
                + Files.readString(output, StandardCharsets.UTF_8));
      }
      String printed = Files.readString(output, StandardCharsets.UTF_8);
      System.out.println("---- " + String.join(" ", command) + "\n" + printed);
      return new Result(process.exitValue(), printed);
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
