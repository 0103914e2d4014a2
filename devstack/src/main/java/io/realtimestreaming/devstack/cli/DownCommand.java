package io.realtimestreaming.devstack.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "down",
    description =
        "Stops services (all when none is named) by PID: SIGTERM, then SIGKILL after a timeout.")
final class DownCommand implements Callable<Integer> {

  @Parameters(arity = "0..*", paramLabel = "SERVICE")
  List<String> services = new ArrayList<>();

  @Option(
      names = "--timeout",
      defaultValue = "20",
      description = "seconds to wait before SIGKILL (default ${DEFAULT-VALUE})")
  int timeoutSeconds;

  @Override
  public Integer call() {
    Instant begin = Instant.now();
    PipelineCommand.stack(PipelineCommand.settings())
        .down(services, Duration.ofSeconds(timeoutSeconds), line -> System.out.println(line));
    System.out.printf(
        "down took %.1f s%n", Duration.between(begin, Instant.now()).toMillis() / 1000.0);
    return 0;
  }
}
