package io.realtimestreaming.devstack.stack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Builds the command line of a service that runs on a JVM. Every such command carries {@code
 * -Dpipeline.service} and {@code -Dpipeline.home} so that the stack recognizes its own processes
 * (after a lost pid file, say) and never mistakes another checkout's for them.
 */
public final class JavaCommand {

  private final List<String> args = new ArrayList<>();

  private JavaCommand() {}

  public static JavaCommand forService(StackSettings settings, Runtimes runtimes, String service) {
    JavaCommand command = new JavaCommand();
    command.args.add(runtimes.java());
    command.args.add(marker(service));
    command.args.add("-Dpipeline.home=" + settings.home());
    command.args.add("-Xmx" + settings.heap(service));
    command.args.add("-XX:+ExitOnOutOfMemoryError");
    return command;
  }

  /** The argument that marks a process as this stack's {@code service}. */
  public static String marker(String service) {
    return "-Dpipeline.service=" + service;
  }

  public JavaCommand jvm(String... options) {
    args.addAll(List.of(options));
    return this;
  }

  public JavaCommand jvm(Collection<String> options) {
    args.addAll(options);
    return this;
  }

  public JavaCommand classpath(String classpath) {
    args.add("-cp");
    args.add(classpath);
    return this;
  }

  /** The main class (or {@code -jar x.jar}) and its arguments; ends the command. */
  public List<String> main(String... mainAndArgs) {
    args.addAll(List.of(mainAndArgs));
    return List.copyOf(args);
  }
}
