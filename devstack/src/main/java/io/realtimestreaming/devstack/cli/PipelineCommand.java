package io.realtimestreaming.devstack.cli;

import io.realtimestreaming.devstack.service.ServiceCatalog;
import io.realtimestreaming.devstack.stack.Stack;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./pipeline}: runs the pipeline's real services as ordinary processes, without Docker. The
 * root script builds this jar on first use and passes the checkout as {@code pipeline.root}.
 */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT, // so every subcommand answers --help too
    description = "Runs the real-time user pipeline's services without Docker.",
    subcommands = {
      UpCommand.class,
      DownCommand.class,
      StatusCommand.class,
      LogsCommand.class,
      CqlCommand.class,
      ResetCommand.class,
      DemoCommand.class,
      BenchCommand.class
    })
public final class PipelineCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new PipelineCommand()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The stack of this checkout, configured from the environment. */
  static StackSettings settings() {
    String root =
        System.getProperty("pipeline.root", System.getenv().getOrDefault("PIPELINE_ROOT", "."));
    return StackSettings.fromEnvironment(
        Path.of(root).toAbsolutePath().normalize(), System.getenv());
  }

  static Stack stack(StackSettings settings) {
    return new Stack(settings, ServiceCatalog.all(settings.topology()));
  }
}
