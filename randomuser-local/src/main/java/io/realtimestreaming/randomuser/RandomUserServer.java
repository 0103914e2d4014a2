package io.realtimestreaming.randomuser;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline randomuser-compatible source: {@code GET /api/1.4/} answers as randomuser.me's API
 * version 1.4 does (same JSON shape and types), with deterministic users and fault injection, over
 * the JDK's {@link HttpServer}. Its parameters and faults are in randomuser-local/README.md.
 *
 * <p>From code and tests: {@code try (var server = RandomUserServer.start("127.0.0.1", 0))} (port
 * 0: any free port), then {@link #baseUrl()}. Requests are served by {@value #THREADS} threads,
 * each logged on one line.
 */
public final class RandomUserServer implements AutoCloseable {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8099;
  static final int THREADS = 4;
  static final String NO_DELAY = "sun.net.httpserver.nodelay";

  private static final Logger log = LoggerFactory.getLogger(RandomUserServer.class);

  private final HttpServer server;
  private final ExecutorService executor;
  private final String host;

  private RandomUserServer(HttpServer server, ExecutorService executor, String host) {
    this.server = server;
    this.executor = executor;
    this.host = host;
  }

  public static void main(String[] args) {
    String host = DEFAULT_HOST;
    String portText = System.getenv().getOrDefault("RANDOMUSER_PORT", String.valueOf(DEFAULT_PORT));
    for (int i = 0; i < args.length; i++) {
      boolean hasValue = i + 1 < args.length;
      if (args[i].equals("--host") && hasValue) {
        host = args[++i];
      } else if (args[i].equals("--port") && hasValue) {
        portText = args[++i];
      } else {
        exitWithUsage("unexpected argument '" + args[i] + "'");
      }
    }
    int port = 0;
    try {
      port = Integer.parseInt(portText.trim());
    } catch (NumberFormatException e) {
      exitWithUsage(
          "the port must be a number, got '" + portText + "' (--port or RANDOMUSER_PORT)");
    }
    RandomUserGenerator generator = new RandomUserGenerator(Clock.systemUTC());
    generator.warmUp(); // so that "listening" means every nationality is served at full speed
    RandomUserServer server = start(host, port, generator);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "randomuser-shutdown"));
  }

  /** Starts a server on {@code port} (0: any free port), with ages counted on the system clock. */
  public static RandomUserServer start(String host, int port) {
    return start(host, port, Clock.systemUTC());
  }

  /** As {@link #start(String, int)}, counting {@code age} fields to today on {@code clock}. */
  public static RandomUserServer start(String host, int port, Clock clock) {
    return start(host, port, new RandomUserGenerator(clock));
  }

  private static RandomUserServer start(String host, int port, RandomUserGenerator generator) {
    // The JDK's server leaves Nagle's algorithm on, and a chunked body ends in a small last
    // segment: held until the client's delayed ACK, it added 40 ms to one page in ten
    // (docs/benchmarks.md, Levers). The property is the server's only switch; it is read when
    // the first server of the JVM is created.
    System.setProperty(NO_DELAY, "true");
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + host + ":" + port + " (port in use? try --port or RANDOMUSER_PORT)",
          e);
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            THREADS,
            task -> {
              Thread thread = new Thread(task, "randomuser-http-" + threads.incrementAndGet());
              thread.setDaemon(true); // a test that forgets close() must not hang the JVM
              return thread;
            });
    server.createContext("/", new RandomUserHandler(generator));
    server.setExecutor(executor);
    server.start();
    RandomUserServer started = new RandomUserServer(server, executor, host);
    log.info("randomuser offline source listening on {}", started.baseUrl());
    return started;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** For example {@code http://127.0.0.1:8099/api/1.4/}. */
  public String baseUrl() {
    String shownHost = host.contains(":") ? "[" + host + "]" : host; // IPv6 literal
    return "http://" + shownHost + ":" + port() + "/api/1.4/";
  }

  /** Stops listening at once and interrupts requests in progress (a {@code slow} fault's wait). */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void exitWithUsage(String problem) {
    System.err.println(problem);
    System.err.println("usage: RandomUserServer [--host H] [--port N]");
    System.err.println("  --host  address to listen on (default " + DEFAULT_HOST + ")");
    System.err.println(
        "  --port  port to listen on (default $RANDOMUSER_PORT, else " + DEFAULT_PORT + ")");
    System.exit(1);
  }
}
