package io.realtimestreaming.devstack.cli;

import io.realtimestreaming.devstack.stack.Stack;
import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.devstack.stack.StatusTable;
import io.realtimestreaming.devstack.stack.Topology;
import io.realtimestreaming.devstack.stack.TopologyMarker;
import java.io.IOException;
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
      "Infrastructure: zookeeper, kafka, registry, postgres, cassandra, randomuser;",
      "the pipeline's own services (ingest-service, stream-job, airflow) start when named.",
      "--topology cluster runs 3 brokers (kafka-1..3), a 3-node Cassandra ring (cassandra-1..3),",
      "a Spark master with 2 workers and 2 ingest instances (ingest-service-1, -2)."
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

  @Option(
      names = "--topology",
      paramLabel = "single|cluster",
      description =
          "which topology to start (or PIPELINE_TOPOLOGY); default: the one running, else single."
              + " The other must be down: both use the same ports.")
  String topology;

  @Override
  public Integer call() throws IOException {
    StackSettings current = PipelineCommand.settings();
    List<String> running = PipelineCommand.stack(current).runningServices();
    Topology wanted =
        toStart(
            topology, System.getenv("PIPELINE_TOPOLOGY"), current.topology(), !running.isEmpty());
    StackSettings settings =
        (wanted == current.topology() ? current : current.withTopology(wanted, System.getenv()))
            .with(ports, heaps);
    if (settings.topology() != current.topology()) {
      if (!running.isEmpty()) {
        System.err.printf(
            "the %s topology is running (%s); stop it first: ./pipeline down%n",
            current.topology().label(), String.join(", ", running));
        return 1;
      }
    }
    TopologyMarker.write(settings.baseDir(), settings.topology());
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

  /**
   * The topology to start: the one asked for (option, then PIPELINE_TOPOLOGY), else the one the
   * last {@code up} started while any of it runs, else single. A marker with nothing running is
   * stale (the machine restarted without a {@code down}): it must not start a cluster unasked.
   */
  static Topology toStart(String option, String environment, Topology marked, boolean markedRuns) {
    if (option != null) {
      return Topology.of(option);
    }
    if (environment != null && !environment.isBlank()) {
      return Topology.of(environment);
    }
    return markedRuns ? marked : Topology.SINGLE;
  }
}
