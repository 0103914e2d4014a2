package io.realtimestreaming.devstack.cli;

import io.realtimestreaming.devstack.stack.Stack;
import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.devstack.stack.TopologyMarker;
import java.io.IOException;
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
  public Integer call() throws IOException {
    Instant begin = Instant.now();
    StackSettings settings = PipelineCommand.settings();
    Stack stack = PipelineCommand.stack(settings);
    stack.down(services, Duration.ofSeconds(timeoutSeconds), line -> System.out.println(line));
    if (stack.runningServices().isEmpty()) {
      TopologyMarker.clear(settings.baseDir()); // the next up starts the single topology again
    }
    System.out.printf(
        "down took %.1f s%n", Duration.between(begin, Instant.now()).toMillis() / 1000.0);
    return 0;
  }
}
