package io.realtimestreaming.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** The few calls of the ingest service's API that the demo and the benchmark make. */
public final class IngestApi {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final String baseUrl;
  private final String apiKey;

  public IngestApi(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  /** Starts a run; answers its id. */
  public UUID start(int count, String seed) throws IOException, InterruptedException {
    String body =
        json.writeValueAsString(json.createObjectNode().put("count", count).put("seed", seed));
    HttpResponse<String> response =
        http.send(
            request("/api/v1/ingestions").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new IOException(
          "POST /api/v1/ingestions answered " + response.statusCode() + ": " + response.body());
    }
    return UUID.fromString(json.readTree(response.body()).path("id").asText());
  }

  public RunProgress status(UUID runId) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            request("/api/v1/ingestions/" + runId).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "GET /api/v1/ingestions/"
              + runId
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    JsonNode run = json.readTree(response.body());
    return new RunProgress(
        run.path("status").asText(),
        run.path("requested").asLong(),
        run.path("fetched").asLong(),
        run.path("stored").asLong(),
        run.path("duplicates").asLong(),
        run.path("rejected").asLong(),
        run.path("published").asLong(),
        run.path("error").isNull() ? null : run.path("error").asText(null));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("X-API-Key", apiKey);
  }
}
