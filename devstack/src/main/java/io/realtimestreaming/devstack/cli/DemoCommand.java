package io.realtimestreaming.devstack.cli;

import io.realtimestreaming.devstack.demo.Demo;
import io.realtimestreaming.devstack.stack.ServiceState;
import io.realtimestreaming.devstack.stack.Stack;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    description = {
      "Runs the whole pipeline once: starts the stack, the ingest service and the stream job,",
      "ingests users from the offline randomuser source and watches them land in Cassandra.",
      "Stops what it started unless --keep."
    })
final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--users",
      defaultValue = "1000",
      description = "how many users (default ${DEFAULT-VALUE})")
  int users;

  @Option(
      names = "--seed",
      description = "randomuser seed (default: a random one, so every demo brings new users)")
  String seed;

  @Option(names = "--keep", description = "leave the services running afterwards")
  boolean keep;

  @Option(
      names = "--timeout",
      defaultValue = "900",
      description = "seconds the run may take to reconcile end to end (default ${DEFAULT-VALUE})")
  int timeoutSeconds;

  @Option(
      names = "--stall-timeout",
      defaultValue = "60",
      description =
          "seconds a stage (ingesting, publishing, landing) may make no progress with work"
              + " waiting before the demo says which is stuck and ends (default ${DEFAULT-VALUE})")
  int stallSeconds;

  @Override
  public Integer call() throws Exception {
    StackSettings settings = PipelineCommand.settings();
    Stack stack = PipelineCommand.stack(settings);
    List<String> wereRunning =
        stack.status().stream().filter(ServiceState::running).map(ServiceState::service).toList();
    try {
      List<String> apps = new ArrayList<>(settings.topology().ingestInstances());
      apps.add("stream-job");
      List<String> failures = stack.up(apps, System.out::println);
      if (!failures.isEmpty()) {
        failures.forEach(f -> System.err.println("FAILED " + f));
        return 1;
      }
      boolean landed =
          new Demo(settings, settings.ingestApiKey(), System.out)
              .run(
                  users,
                  seed == null ? "demo-" + UUID.randomUUID().toString().substring(0, 8) : seed,
                  Duration.ofSeconds(timeoutSeconds),
                  Duration.ofSeconds(stallSeconds));
      return landed ? 0 : 1;
    } finally {
      if (keep) {
        System.out.println("\n--keep: services left running; stop them with ./pipeline down");
      } else {
        List<String> started =
            stack.serviceNames().stream().filter(s -> !wereRunning.contains(s)).toList();
        if (!started.isEmpty()) {
          System.out.println(
              "\nstopping what the demo started (--keep leaves it up): "
                  + String.join(", ", started));
          stack.down(started, Duration.ofSeconds(20), System.out::println);
        }
      }
    }
  }
}
