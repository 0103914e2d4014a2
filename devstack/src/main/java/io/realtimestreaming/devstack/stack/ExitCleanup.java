package io.realtimestreaming.devstack.stack;

/**
 * Cleanup that must happen however a command ends: when its body finishes or throws ({@link
 * #close}), and when the JVM is stopped midway (Ctrl-C, SIGTERM) by a shutdown hook. It runs once,
 * whichever comes first; the other waits for it to finish.
 */
public final class ExitCleanup implements AutoCloseable {

  private final Runnable action;
  private final Thread hook;
  private boolean done;

  private ExitCleanup(String name, Runnable action) {
    this.action = action;
    this.hook = new Thread(this::runOnce, name);
  }

  /** Registers {@code action} to run on close or on the JVM's shutdown, whichever comes first. */
  public static ExitCleanup register(String name, Runnable action) {
    ExitCleanup cleanup = new ExitCleanup(name, action);
    Runtime.getRuntime().addShutdownHook(cleanup.hook);
    return cleanup;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs or has run already; runOnce waits for it
    }
    runOnce();
  }

  private synchronized void runOnce() {
    if (done) {
      return;
    }
    done = true;
    action.run();
  }
}
