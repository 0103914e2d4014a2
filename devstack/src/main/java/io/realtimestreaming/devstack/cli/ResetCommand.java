package io.realtimestreaming.devstack.cli;

import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.devstack.stack.TopologyMarker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "reset",
    description =
        "Stops everything and wipes the stack's data, logs and configuration, and everything"
            + " derived from them (the stream job's checkpoint and status); keeps downloaded runtimes.")
final class ResetCommand implements Callable<Integer> {

  @Option(
      names = "--all",
      description = "also delete the downloaded runtimes under .local/runtimes")
  boolean all;

  @Override
  public Integer call() throws IOException {
    StackSettings settings = PipelineCommand.settings();
    PipelineCommand.stack(settings).down(List.of(), Duration.ofSeconds(20), System.out::println);
    // the checkpoint holds offsets of the Kafka data wiped here: kept, it would point the stream
    // job at offsets the new topic does not have
    List<String> derived = List.of("data", "logs", "conf", "pids", "checkpoints", "run");
    for (String dir : derived) {
      delete(settings.home().resolve(dir));
    }
    if (all) {
      delete(settings.runtimesDir());
    }
    TopologyMarker.clear(settings.baseDir()); // nothing runs: the next up starts the single one
    System.out.println("wiped " + settings.home() + (all ? "" : " (runtimes kept)"));
    return 0;
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
