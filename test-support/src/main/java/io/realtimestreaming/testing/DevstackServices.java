package io.realtimestreaming.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The devstack processes ({@code ./pipeline up}) as test services. Services that already answer are
 * reused and left running; the ones this class starts are stopped again when the test run ends. The
 * offline randomuser source runs in the test JVM ({@link OfflineRandomUser}).
 */
final class DevstackServices implements TestServices {

  private static final String HOST = "127.0.0.1";

  private final Map<String, String> env;
  private final Path repoRoot;
  private final List<ServiceKind> started = new ArrayList<>();
  private final OfflineRandomUser randomUser = new OfflineRandomUser();

  DevstackServices(Map<String, String> env) {
    this.env = env;
    this.repoRoot = RepositoryRoot.find();
  }

  @Override
  public ServiceEndpoints endpoints() {
    return new ServiceEndpoints(
        HOST + ":" + port(ServiceKind.KAFKA),
        "http://" + HOST + ":" + port(ServiceKind.REGISTRY) + "/apis/ccompat/v7",
        "jdbc:postgresql://"
            + HOST
            + ":"
            + port(ServiceKind.POSTGRES)
            + "/"
            + env.getOrDefault("PIPELINE_POSTGRES_DB", "ingest"),
        env.getOrDefault("PIPELINE_POSTGRES_USER", "ingest"),
        env.getOrDefault("PIPELINE_POSTGRES_PASSWORD", "ingest"),
        HOST,
        port(ServiceKind.CASSANDRA),
        "datacenter1",
        randomUser.baseUrl());
  }

  boolean allAnswer(Collection<ServiceKind> services) {
    return services.stream().filter(DevstackServices::isProcess).allMatch(this::answers);
  }

  /** Starts the services that don't answer yet, through the same CLI a developer uses. */
  @Override
  public synchronized void ensureUp(Collection<ServiceKind> services) {
    if (services.contains(ServiceKind.RANDOMUSER)) {
      randomUser.ensureUp();
    }
    List<ServiceKind> missing =
        services.stream().filter(DevstackServices::isProcess).filter(s -> !answers(s)).toList();
    if (missing.isEmpty()) {
      return;
    }
    List<String> command = new ArrayList<>(List.of(repoRoot.resolve("pipeline").toString(), "up"));
    missing.forEach(s -> command.add(s.devstackName()));
    run(command, 15);
    started.addAll(missing);
  }

  @Override
  public synchronized void close() {
    randomUser.close();
    if (started.isEmpty()) {
      return;
    }
    List<String> command =
        new ArrayList<>(List.of(repoRoot.resolve("pipeline").toString(), "down"));
    started.forEach(s -> command.add(s.devstackName()));
    run(command, 5);
    started.clear();
  }

  private boolean answers(ServiceKind service) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port(service)), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private int port(ServiceKind service) {
    String name = "PIPELINE_" + service.name() + "_PORT";
    int fallback =
        switch (service) {
          case KAFKA -> 9092;
          case REGISTRY -> 8081;
          case POSTGRES -> 5432;
          case CASSANDRA -> 9042;
          case RANDOMUSER -> throw new IllegalArgumentException("randomuser runs in-process");
        };
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }

  private static boolean isProcess(ServiceKind service) {
    return service != ServiceKind.RANDOMUSER;
  }

  private void run(List<String> command, int timeoutMinutes) {
    try {
      Process process =
          new ProcessBuilder(command).directory(repoRoot.toFile()).inheritIO().start();
      if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command) + " did not finish in " + timeoutMinutes + " min");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command)
                + " failed with exit code "
                + process.exitValue()
                + "; see its output above and ./pipeline logs <service>");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }
}
