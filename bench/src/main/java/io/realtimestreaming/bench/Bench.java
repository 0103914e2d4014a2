package io.realtimestreaming.bench;

import io.realtimestreaming.bench.BenchPlan.Suite;
import io.realtimestreaming.bench.report.BenchOutputs;
import io.realtimestreaming.bench.report.BenchReport;
import io.realtimestreaming.bench.report.MarkdownReport;
import io.realtimestreaming.devstack.stack.ModuleJar;
import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.stream.settings.CassandraTarget;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Every benchmark of the pipeline, run with {@code ./pipeline bench [suite] [options]} against the
 * running stack, each figure against the targets, the run's exit status saying how they stand.
 *
 * <ul>
 *   <li>{@code ingest}: the ingest service (randomuser → PostgreSQL → Kafka acknowledged) against
 *       raw PostgreSQL, COPY and the service's own page statement, at the service's parallelism;
 *   <li>{@code stream}: the stream job (Kafka → Cassandra) against the sink's own writer alone, at
 *       the job's parallelism;
 *   <li>{@code latency}: end-to-end latency under an open-loop offered load;
 *   <li>{@code all} (the default): the three, in that order.
 * </ul>
 *
 * Each suite starts instances of the built ingest-service and stream-job jars of its own, on their
 * own schema, topics and tables (dropped afterwards); the stack's own services are left alone.
 * Writes bench/results/&lt;id&gt;.json, .md and .png; {@code --publish} also puts the run into
 * docs/benchmarks.md and bench/results/published/. Exit status: 0 every target measured was met, 3
 * one was missed, 4 none missed but one could not be judged (a raw baseline's rounds spread over 20
 * %), 1 the run failed.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Benchmarks the pipeline against raw baselines and its targets.")
public final class Bench implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      defaultValue = "all",
      description = "all (default), ingest, stream, latency, or help")
  String suite;

  @Option(
      names = "--users",
      defaultValue = "200000",
      description = "rows per round (${DEFAULT-VALUE})")
  int users;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description = "measured rounds of every figure, at least 3 (${DEFAULT-VALUE})")
  int rounds;

  @Option(
      names = "--ingest-runs",
      defaultValue = "2",
      description =
          "runs at once per ingest round, and connections of each raw PostgreSQL way (${DEFAULT-VALUE})")
  int ingestRuns;

  @Option(
      names = "--users-per-second",
      defaultValue = "1000",
      description = "offered load of the latency suite (${DEFAULT-VALUE})")
  int usersPerSecond;

  @Option(
      names = "--request-users",
      defaultValue = "100",
      description = "users per request of the offered load (${DEFAULT-VALUE})")
  int requestUsers;

  @Option(
      names = "--latency-seconds",
      defaultValue = "30",
      description = "measured seconds of offered load (${DEFAULT-VALUE})")
  int latencySeconds;

  @Option(
      names = "--warm-up-seconds",
      defaultValue = "60",
      description = "unmeasured seconds of the same load first (${DEFAULT-VALUE})")
  int warmUpSeconds;

  @Option(
      names = "--in-flight",
      description =
          "the sink's writes in flight per task, for the job and the raw writer (the job's default)")
  Integer inFlight;

  @Option(
      names = "--ingest-set",
      paramLabel = "NAME=VALUE",
      description =
          "a setting of the bench's ingest service, e.g. spring.kafka.producer.properties.linger.ms=0")
  List<String> ingestSettings = new ArrayList<>();

  @Option(
      names = "--stream-set",
      paramLabel = "FLAG=VALUE",
      description = "a flag of the bench's stream job, e.g. trigger-interval=0")
  List<String> streamSettings = new ArrayList<>();

  @Option(
      names = "--quick",
      description = "a smoke run: 20,000 rows, 10 s of load; never published")
  boolean quick;

  @Option(
      names = "--settle-load",
      paramLabel = "LOAD",
      description =
          "before each suite, wait up to 3 minutes for the 1-minute load average to fall to LOAD"
              + " (1.5 per core; 0 or --quick: no wait)")
  Double settleLoad;

  @Option(names = "--profile", description = "record the measured instances with JFR")
  boolean profile;

  @Option(
      names = "--publish",
      description =
          "put the run into docs/benchmarks.md and bench/results/published/ (a full run only)")
  boolean publish;

  @Option(names = "--ingest-port", defaultValue = "18388", description = "(${DEFAULT-VALUE})")
  int ingestPort;

  @Option(names = "--spark-ui-port", defaultValue = "4041", description = "(${DEFAULT-VALUE})")
  int sparkUiPort;

  private final List<String> args;

  private Bench(List<String> args) {
    this.args = args;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Bench(List.of(args))).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (suite.equals("help")) {
      spec.commandLine().usage(System.out);
      return 0;
    }
    Set<Suite> suites;
    try {
      suites =
          suite.equals("all")
              ? EnumSet.allOf(Suite.class)
              : EnumSet.of(Suite.valueOf(suite.toUpperCase(java.util.Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      System.err.println("bench: no suite '" + suite + "'; all, ingest, stream, latency or help");
      return 1;
    }
    if (publish && (quick || suites.size() < Suite.values().length)) {
      System.err.println("bench: --publish takes a full run (all suites, not --quick)");
      return 1;
    }
    BenchPlan plan =
        new BenchPlan(
            suites,
            quick ? 20_000 : users,
            rounds,
            ingestRuns,
            usersPerSecond,
            requestUsers,
            quick ? 10 : latencySeconds,
            quick ? 5 : warmUpSeconds,
            ingestSettings,
            streamSettings.stream().map(s -> "--" + s).toList(),
            profile,
            ingestPort,
            sparkUiPort,
            settleLoad != null
                ? settleLoad
                : quick ? 0 : 1.5 * Runtime.getRuntime().availableProcessors());
    String root =
        System.getProperty("pipeline.root", System.getenv().getOrDefault("PIPELINE_ROOT", "."));
    StackSettings settings =
        StackSettings.fromEnvironment(Path.of(root).toAbsolutePath().normalize(), System.getenv());
    String id =
        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
    BenchReport report =
        new BenchRun(
                settings,
                plan,
                inFlight == null ? CassandraTarget.DEFAULT_MAX_IN_FLIGHT : inFlight,
                System.out)
            .run(id, commandLine());
    System.out.println();
    System.out.println(MarkdownReport.render(report));
    for (Path file :
        BenchOutputs.write(
            report,
            settings.repoRoot().resolve("bench/results"),
            settings.repoRoot().resolve("docs"),
            publish)) {
      System.out.println("wrote " + settings.repoRoot().relativize(file.toAbsolutePath()));
    }
    return report.exitStatus();
  }

  /** The command as the reader typed it ({@code ./pipeline bench} passes it on), else as given. */
  private String commandLine() {
    String typed = System.getenv("BENCH_COMMAND_LINE");
    return typed != null && !typed.isBlank()
        ? typed
        : String.join(" ", "java -jar " + ModuleJar.BENCH, String.join(" ", args)).strip();
  }
}
