package io.realtimestreaming.devstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the devstack runs the ingest service: its two ports, its secrets, its readiness probe. */
class IngestServiceSpecTests {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private final IngestServiceSpec spec =
      new IngestServiceSpec("ingest-service", io.realtimestreaming.devstack.stack.Topology.SINGLE);

  @Test
  void bindsTheApiPortAndTheManagementPort() {
    StackSettings s = StackSettings.fromEnvironment(ROOT, Map.of());

    assertThat(spec.ports(s)).containsExactly(8088, 18088);
  }

  @Test
  void passesTheKeyAndThePasswordInTheEnvironment() {
    StackSettings s =
        StackSettings.fromEnvironment(
            ROOT, Map.of("INGEST_API_KEY", "key-from-env", "PIPELINE_POSTGRES_PASSWORD", "pw"));

    assertThat(spec.environment(s))
        .containsEntry("INGEST_API_KEY", "key-from-env")
        .containsEntry("SPRING_DATASOURCE_PASSWORD", "pw");
  }

  @Test
  void isReadyWhenHealthAnswersOnTheManagementPort() throws IOException {
    HttpServer management = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    management.createContext(
        "/actuator/health",
        exchange -> {
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    management.start();
    try {
      StackSettings s =
          StackSettings.fromEnvironment(ROOT, Map.of())
              .with(
                  Map.of(
                      "ingest-service", freePort(),
                      "ingest-service-management", management.getAddress().getPort()),
                  Map.of());

      assertThat(spec.isReady(s)).isTrue();
    } finally {
      management.stop(0);
    }
  }

  @Test
  void isNotReadyWhenTheManagementPortDoesNotAnswer() throws IOException {
    StackSettings s =
        StackSettings.fromEnvironment(ROOT, Map.of())
            .with(Map.of("ingest-service-management", freePort()), Map.of());

    assertThat(spec.isReady(s)).isFalse();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
