package io.realtimestreaming.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** The ingest API over HTTP, as the Airflow DAG calls it. */
public final class IngestApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  public IngestApi(int port) {
    this.base = "http://127.0.0.1:" + port + "/api/v1/ingestions";
  }

  /** Starts a run and answers the 202's body. */
  public JsonNode start(int count, String seed) {
    HttpResponse<String> response =
        send(
            request(base)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"count\":" + count + ",\"seed\":\"" + seed + "\"}")));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(response.headers().firstValue("Location")).isPresent();
    return parse(response.body());
  }

  public JsonNode run(UUID id) {
    HttpResponse<String> response = send(request(base + "/" + id).GET());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return parse(response.body());
  }

  /**
   * Waits until the run has ended and, if it succeeded, every user it stored is published or
   * parked.
   */
  public JsonNode awaitPublished(JsonNode started, Duration timeout) {
    UUID id = UUID.fromString(started.path("id").asText());
    AtomicReference<JsonNode> last = new AtomicReference<>();
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              JsonNode run = run(id);
              last.set(run);
              String status = run.path("status").asText();
              return status.equals("FAILED")
                  || (status.equals("SUCCEEDED")
                      && run.path("published").asInt() + run.path("parked").asInt()
                          == run.path("stored").asInt());
            });
    return last.get();
  }

  /** Waits until the run has ended. */
  public JsonNode awaitEnd(UUID id, Duration timeout) {
    AtomicReference<JsonNode> last = new AtomicReference<>();
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              last.set(run(id));
              return !last.get().path("status").asText().equals("RUNNING");
            });
    return last.get();
  }

  public List<UUID> userIds(UUID run, int limit) {
    return ids(run, "users", limit);
  }

  /** Users of the run whose events Kafka refused for good. */
  public List<UUID> parkedIds(UUID run, int limit) {
    return ids(run, "parked", limit);
  }

  private List<UUID> ids(UUID run, String list, int limit) {
    HttpResponse<String> response =
        send(request(base + "/" + run + "/" + list + "?limit=" + limit).GET());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<UUID> ids = new ArrayList<>();
    parse(response.body()).path("userIds").forEach(n -> ids.add(UUID.fromString(n.asText())));
    return ids;
  }

  public List<String> recentIds() {
    HttpResponse<String> response = send(request(base).GET());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    parse(response.body()).forEach(n -> ids.add(n.path("id").asText()));
    return ids;
  }

  private static HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("X-API-Key", ServiceUnderTest.API_KEY);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
