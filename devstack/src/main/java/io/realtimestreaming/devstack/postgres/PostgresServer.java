package io.realtimestreaming.devstack.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs a real PostgreSQL 17 (zonky's embedded binaries) until this JVM is stopped; SIGTERM shuts
 * PostgreSQL down cleanly. The data directory is kept across restarts.
 *
 * <p>zonky starts PostgreSQL with fsync off (kept: fine for development and tests, not durable
 * against a machine crash; the README and benchmarks say so) and synchronous_commit off (turned on
 * here: a killed server must not lose what it acknowledged).
 */
@Command(name = "postgres-server", mixinStandardHelpOptions = true)
public final class PostgresServer implements Callable<Integer> {

  private static final String UNPACKED_MARKER = ".unpacked";

  @Option(names = "--host", defaultValue = "127.0.0.1")
  String host;

  @Option(names = "--port", defaultValue = "5432")
  int port;

  @Option(names = "--data", required = true, description = "data directory (kept across restarts)")
  Path data;

  @Option(names = "--binaries", required = true, description = "where the binaries are unpacked")
  Path binaries;

  public static void main(String[] args) {
    System.exit(new CommandLine(new PostgresServer()).execute(args));
  }

  /**
   * Present while this wrapper's server has started: a server gone with the marker there died under
   * the wrapper (PostgresSpec's health says so), where no marker means it is starting.
   */
  public static Path startedMarker(Path data) {
    return data.resolveSibling("server-started");
  }

  @Override
  public Integer call() throws Exception {
    Files.deleteIfExists(startedMarker(data));
    discardPartialBinaries();
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setOverrideWorkingDirectory(binaries.toFile())
            .setServerConfig("listen_addresses", host)
            .setServerConfig("max_connections", "200")
            // zonky turns it off: a commit would then be acknowledged before its WAL is written,
            // and a crash of the server (not only of the machine) could lose it; with fsync still
            // off, only a machine crash can
            .setServerConfig("synchronous_commit", "on")
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("stopping PostgreSQL on " + host + ":" + port);
                  try {
                    postgres.close();
                  } catch (Exception e) {
                    System.out.println("PostgreSQL did not stop cleanly: " + e);
                  }
                  stopped.countDown();
                }));
    Files.writeString(binaries.resolve(UNPACKED_MARKER), "");
    Files.writeString(startedMarker(data), "");
    System.out.println("PostgreSQL ready on " + host + ":" + port + ", data in " + data);
    stopped.await();
    return 0;
  }

  /**
   * zonky cannot resume an unpacking that was interrupted (a killed JVM, a full disk): it fails on
   * the files already there. Binaries without our marker are unpacked afresh.
   */
  private void discardPartialBinaries() throws IOException {
    if (Files.isDirectory(binaries) && !Files.exists(binaries.resolve(UNPACKED_MARKER))) {
      System.out.println("removing partly unpacked PostgreSQL binaries in " + binaries);
      try (Stream<Path> paths = Files.walk(binaries)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(binaries);
  }
}
