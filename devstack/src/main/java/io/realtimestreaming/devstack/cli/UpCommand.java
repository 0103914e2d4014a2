package io.realtimestreaming.devstack.cli;

import io.realtimestreaming.devstack.stack.Stack;
import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.devstack.stack.StatusTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "up",
    description = {
      "Starts services (all when none is named) and what they depend on; running ones are left alone.",
      "Services: zookeeper, kafka, registry, postgres, cassandra, randomuser."
    })
final class UpCommand implements Callable<Integer> {

  @Parameters(arity = "0..*", paramLabel = "SERVICE")
  List<String> services = new ArrayList<>();

  @Option(
      names = "--port",
      paramLabel = "SERVICE=PORT",
      description = "e.g. --port kafka=19092 (or PIPELINE_KAFKA_PORT)")
  Map<String, Integer> ports = Map.of();

  @Option(
      names = "--heap",
      paramLabel = "SERVICE=SIZE",
      description = "e.g. --heap cassandra=768m (or PIPELINE_CASSANDRA_HEAP)")
  Map<String, String> heaps = Map.of();

  @Override
  public Integer call() {
    StackSettings settings = PipelineCommand.settings().with(ports, heaps);
    Stack stack = PipelineCommand.stack(settings);
    Instant begin = Instant.now();
    List<String> failures = stack.up(services, line -> System.out.println(line));
    System.out.printf(
        "%nup took %.1f s%n%n", Duration.between(begin, Instant.now()).toMillis() / 1000.0);
    StatusTable.print(stack.status(), System.out);
    if (!failures.isEmpty()) {
      System.err.println();
      failures.forEach(f -> System.err.println("FAILED " + f + "\n"));
      return 1;
    }
    return 0;
  }
}
