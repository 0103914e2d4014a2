package io.realtimestreaming.devstack.cli;

import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "logs",
    description = "Prints the last lines of a service's log (.local/logs/SERVICE.log).")
final class LogsCommand implements Callable<Integer> {

  @Parameters(paramLabel = "SERVICE")
  String service;

  @Option(
      names = {"-n", "--lines"},
      defaultValue = "100")
  int lines;

  @Override
  public Integer call() throws IOException {
    StackSettings settings = PipelineCommand.settings();
    PipelineCommand.stack(settings).spec(service);
    Path log = settings.logFile(service);
    if (!Files.exists(log)) {
      System.err.println("no log yet at " + log + "; start it with ./pipeline up " + service);
      return 1;
    }
    List<String> all = Files.readAllLines(log);
    all.subList(Math.max(0, all.size() - lines), all.size()).forEach(System.out::println);
    return 0;
  }
}
