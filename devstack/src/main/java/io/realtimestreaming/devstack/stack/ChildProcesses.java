package io.realtimestreaming.devstack.stack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops processes a command started, all at once: SIGTERM, then SIGKILL for what outlives grace.
 */
public final class ChildProcesses {

  private ChildProcesses() {}

  /** Answers once every one of {@code processes} has ended (or 5 s after its SIGKILL). */
  public static void stop(List<ProcessHandle> processes, Duration grace) {
    processes.forEach(ProcessHandle::destroy);
    CompletableFuture<?>[] ended =
        processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
    if (await(CompletableFuture.allOf(ended), grace)) {
      return;
    }
    processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    await(CompletableFuture.allOf(ended), Duration.ofSeconds(5));
  }

  private static boolean await(CompletableFuture<?> ended, Duration timeout) {
    try {
      ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return true; // onExit never completes exceptionally; treated as ended
    }
  }
}
