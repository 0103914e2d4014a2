package io.realtimestreaming.devstack.cli;

import io.realtimestreaming.devstack.stack.StatusTable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
    name = "status",
    description = "Shows each service: address, PID, state (probed for real), memory.")
final class StatusCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    StatusTable.print(PipelineCommand.stack(PipelineCommand.settings()).status(), System.out);
    return 0;
  }
}
