package io.realtimestreaming.devstack.cli;

import io.realtimestreaming.devstack.stack.ChildProcesses;
import io.realtimestreaming.devstack.stack.ExitCleanup;
import io.realtimestreaming.devstack.stack.ModuleJar;
import io.realtimestreaming.devstack.stack.Runtimes;
import io.realtimestreaming.devstack.stack.Stack;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./pipeline bench ...}: runs the benchmarks of the bench module, a runnable jar of its own
 * (built first when missing or stale), with the arguments as given. The benchmarks live there, not
 * in the CLI: they use the services' own classes, which the CLI does not carry. The infrastructure
 * the benchmarks use is started first where it does not answer, and stopped again afterwards; what
 * answers already (this checkout's stack or another's on the same ports) is used as it is.
 */
@Command(
    name = "bench",
    description = {
      "Runs bench/'s benchmarks (bench/target/bench-*-all.jar) with these arguments:",
      "  ./pipeline bench [ingest|stream|latency|all] [--quick] [--publish] [options...]",
      "`./pipeline bench help` lists the suites and options. Exits 0 when every target is met,",
      "3 when one is missed, 4 when a raw baseline was too noisy to judge, 1 on an error."
    })
final class BenchCommand implements Callable<Integer> {

  @Unmatched List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    StackSettings settings = PipelineCommand.settings();
    Stack stack = PipelineCommand.stack(settings);
    List<String> missing =
        stack.serviceNames().stream()
            .filter(name -> stack.spec(name).infrastructure())
            .filter(name -> !stack.spec(name).isReady(settings))
            .toList();
    AtomicReference<Process> bench = new AtomicReference<>();
    // stopped midway (Ctrl-C, SIGTERM), the bench cleans up after itself first (its own hook);
    // what it ran on goes only once it has
    try (ExitCleanup cleanup =
        ExitCleanup.register(
            "bench-command-cleanup",
            () -> {
              Process running = bench.get();
              if (running != null && running.isAlive()) {
                ChildProcesses.stop(List.of(running.toHandle()), Duration.ofMinutes(2));
              }
              stopWhatItStarted(stack, missing);
            })) {
      if (!missing.isEmpty()) {
        System.out.println("starting what the bench needs: " + String.join(", ", missing));
        List<String> failures = stack.up(missing, System.out::println);
        if (!failures.isEmpty()) {
          failures.forEach(f -> System.err.println("FAILED " + f));
          return 1;
        }
      }
      bench.set(startBench(settings));
      return bench.get().waitFor();
    }
  }

  private static void stopWhatItStarted(Stack stack, List<String> started) {
    if (!started.isEmpty()) {
      System.out.println("\nstopping what the bench started: " + String.join(", ", started));
      stack.down(started, Duration.ofSeconds(20), System.out::println);
    }
  }

  private Process startBench(StackSettings settings) throws Exception {
    Path jar = ModuleJar.runnableCopy(settings, "bench", "bench", ModuleJar.BENCH);
    List<String> command =
        new ArrayList<>(
            List.of(
                new Runtimes(settings).java(),
                "-Xms1g",
                "-Xmx1g",
                "-Dpipeline.root=" + settings.repoRoot(),
                "-jar",
                jar.toString()));
    command.addAll(args);
    ProcessBuilder bench = new ProcessBuilder(command).inheritIO();
    // the bench records the command line a reader would type again
    List<String> typed = new ArrayList<>(List.of("./pipeline", "bench"));
    args.stream().map(BenchCommand::quoted).forEach(typed::add);
    bench.environment().put("BENCH_COMMAND_LINE", String.join(" ", typed));
    return bench.start();
  }

  /** An argument as a shell would need it typed. */
  static String quoted(String arg) {
    return arg.matches("[\\w./=:,@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }
}
