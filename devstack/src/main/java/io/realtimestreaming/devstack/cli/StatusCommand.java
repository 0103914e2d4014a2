package io.realtimestreaming.devstack.cli;

import io.realtimestreaming.devstack.backlog.PipelineBacklog;
import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.devstack.stack.StatusTable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
    name = "status",
    description = {
      "Shows each service: role, address, PID, memory (RSS), state (probed for real);",
      "then where records wait: the outbox backlog, the stream job's lag, the DLQ depth."
    })
final class StatusCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    StackSettings settings = PipelineCommand.settings();
    System.out.println("topology: " + settings.topology().label() + "\n");
    StatusTable.print(PipelineCommand.stack(settings).status(), System.out);
    System.out.println();
    new PipelineBacklog(settings).print(System.out);
    return 0;
  }
}
