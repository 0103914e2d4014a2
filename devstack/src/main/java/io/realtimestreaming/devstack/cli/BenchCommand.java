package io.realtimestreaming.devstack.cli;

import io.realtimestreaming.devstack.bench.BenchOutputs;
import io.realtimestreaming.devstack.bench.BenchPlan;
import io.realtimestreaming.devstack.bench.BenchReport;
import io.realtimestreaming.devstack.bench.BenchServices;
import io.realtimestreaming.devstack.bench.Benchmark;
import io.realtimestreaming.devstack.stack.ServiceState;
import io.realtimestreaming.devstack.stack.Stack;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "bench",
    description = {
      "Measures the raw stores (PostgreSQL batched insert and COPY, Kafka produce, Cassandra async",
      "insert), then the pipeline on the same stack: ingest rate, stream rate, and end-to-end latency",
      "(PostgreSQL commit -> row in Cassandra) at a steady offered load and at full speed.",
      "Writes bench/results/<timestamp>.json, .md and .png, and the latest run into docs/benchmarks.md.",
      "Starts what it needs and stops only what it started."
    })
final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--users",
      defaultValue = "200000",
      description = "rows per raw phase and users of the full-speed run (default ${DEFAULT-VALUE})")
  int users;

  @Option(
      names = "--quick",
      description = "a smoke run: 20,000 users, 10 s of offered load, not published to docs/")
  boolean quick;

  @Option(
      names = "--users-per-second",
      defaultValue = "1000",
      description = "offered load of the latency phase (default ${DEFAULT-VALUE})")
  int usersPerSecond;

  @Option(
      names = "--latency-seconds",
      defaultValue = "30",
      description = "how long the offered load lasts (default ${DEFAULT-VALUE})")
  int latencySeconds;

  @Option(
      names = "--record-size",
      defaultValue = "500",
      description = "bytes per raw Kafka record, ~ an Avro user (default ${DEFAULT-VALUE})")
  int recordSize;

  @Option(names = "--raw-only", description = "measure the raw stores only, not the pipeline")
  boolean rawOnly;

  @Option(
      names = "--out",
      defaultValue = "bench/results",
      description = "results folder, relative to the checkout (default ${DEFAULT-VALUE})")
  Path out;

  @Option(
      names = "--publish",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "write the run into docs/benchmarks.md and docs/bench-latest.png (default: yes, but not with --quick)")
  boolean publish;

  @Option(
      names = "--profile",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "record the ingest service and the stream job with JFR during the full-speed run (default: yes)")
  boolean profile;

  @Option(
      names = "--timeout",
      defaultValue = "1200",
      description = "seconds the pipeline phases may take (default ${DEFAULT-VALUE})")
  int timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    StackSettings settings = PipelineCommand.settings();
    Stack stack = PipelineCommand.stack(settings);
    List<String> wereRunning = running(stack);
    Set<String> started = new LinkedHashSet<>();
    BenchPlan plan =
        new BenchPlan(
            quick ? 20_000 : users,
            usersPerSecond,
            quick ? 10 : latencySeconds,
            recordSize,
            rawOnly,
            Duration.ofSeconds(timeoutSeconds),
            profile);
    String id =
        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    try {
      if (!up(stack, List.of(), started)) {
        return 1;
      }
      String apiKey = settings.ingestApiKey();
      BenchReport report =
          new Benchmark(settings, apiKey, services(stack, started), System.out)
              .run(plan, id, commandLine(), wereRunning.contains("stream-job"));
      Path root = settings.repoRoot();
      List<Path> files =
          BenchOutputs.write(report, root.resolve(out), root.resolve("docs"), publish && !quick);
      System.out.println();
      files.forEach(f -> System.out.println("wrote " + root.relativize(f.toAbsolutePath())));
      return report.targets().stream().allMatch(t -> t.met()) ? 0 : 3;
    } finally {
      if (!started.isEmpty()) {
        System.out.println("\nstopping what the bench started: " + String.join(", ", started));
        stack.down(List.copyOf(started), Duration.ofSeconds(20), System.out::println);
      }
    }
  }

  private static BenchServices services(Stack stack, Set<String> started) {
    return new BenchServices() {
      @Override
      public boolean up(List<String> services) {
        return BenchCommand.up(stack, services, started);
      }

      @Override
      public OptionalLong pid(String service) {
        return stack.status().stream()
            .filter(s -> s.service().equals(service) && s.pid() != null)
            .mapToLong(ServiceState::pid)
            .findFirst();
      }
    };
  }

  /** Starts services, noting in {@code started} those that were not running before. */
  private static boolean up(Stack stack, List<String> services, Set<String> started) {
    List<String> before = running(stack);
    List<String> failures = new ArrayList<>(stack.up(services, System.out::println));
    List<ServiceState> states = stack.status();
    states.stream()
        .filter(ServiceState::running)
        .map(ServiceState::service)
        .filter(s -> !before.contains(s))
        .forEach(started::add);
    // `up` leaves a running service alone even when it no longer answers: the bench needs it
    // answering
    states.stream()
        .filter(s -> services.contains(s.service()) && s.running() && !"ready".equals(s.state()))
        .forEach(
            s ->
                failures.add(
                    String.format(
                        "%s is running (PID %d) but not ready; see ./pipeline logs %s (restart it: ./pipeline down %s && ./pipeline up %s)",
                        s.service(), s.pid(), s.service(), s.service(), s.service())));
    failures.forEach(f -> System.err.println("FAILED " + f));
    return failures.isEmpty();
  }

  private static List<String> running(Stack stack) {
    return stack.status().stream()
        .filter(ServiceState::running)
        .map(ServiceState::service)
        .toList();
  }

  /** The command as a reader would type it again. */
  private String commandLine() {
    List<String> args = new ArrayList<>(List.of("./pipeline", "bench"));
    if (quick) {
      args.add("--quick");
    } else if (users != 200_000) {
      args.add("--users " + users);
    }
    if (usersPerSecond != 1000) {
      args.add("--users-per-second " + usersPerSecond);
    }
    if (!quick && latencySeconds != 30) {
      args.add("--latency-seconds " + latencySeconds);
    }
    if (recordSize != 500) {
      args.add("--record-size " + recordSize);
    }
    if (rawOnly) {
      args.add("--raw-only");
    }
    return String.join(" ", args);
  }
}
