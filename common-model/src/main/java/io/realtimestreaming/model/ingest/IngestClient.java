package io.realtimestreaming.model.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The ingest service's API as its clients call it: the demo, the benchmarks and the end-to-end
 * tests. Every failure is an {@link IngestApiException} whose message says what to do.
 */
public final class IngestClient {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String apiKey;

  /**
   * @param baseUrl the service's root, e.g. {@code http://127.0.0.1:8088}
   * @param apiKey sent as {@code X-API-Key}
   */
  public IngestClient(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.apiKey = apiKey;
  }

  /** Starts a run of {@code count} users; answers its id. */
  public UUID start(int count, String seed) {
    String body = JSON.createObjectNode().put("count", count).put("seed", seed).toString();
    JsonNode run =
        send("POST /api/v1/ingestions", request("/api/v1/ingestions").POST(body(body)), 202);
    return UUID.fromString(run.path("id").asText());
  }

  /** The run with its reconciliation. */
  public RunReport run(UUID id) {
    JsonNode run = send("GET the run", request("/api/v1/ingestions/" + id).GET(), 200);
    try {
      return JSON.treeToValue(run, RunReport.class);
    } catch (IOException e) {
      throw new IngestApiException(
          200, "the ingest service answered a run this client cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * The latest runs, newest first, at most {@code limit} (1-100), without their reconciliation: a
   * cheap read (PostgreSQL only) for watching runs often.
   */
  public List<RunReport> recent(int limit) {
    JsonNode runs =
        send("GET the recent runs", request("/api/v1/ingestions?limit=" + limit).GET(), 200);
    List<RunReport> reports = new ArrayList<>();
    try {
      for (JsonNode run : runs) {
        reports.add(JSON.treeToValue(run, RunReport.class));
      }
    } catch (IOException e) {
      throw new IngestApiException(
          200, "the ingest service answered runs this client cannot read: " + e.getMessage(), e);
    }
    return reports;
  }

  /** Ids of users whose latest ingestion is the run, in id order, at most {@code limit}. */
  public List<UUID> userIds(UUID run, int limit) {
    return ids(
        send(
            "GET the run's users",
            request("/api/v1/ingestions/" + run + "/users?limit=" + limit).GET(),
            200));
  }

  /** Users of the run neither landed nor dead-lettered yet, at most {@code limit}. */
  public List<UUID> pending(UUID run, int limit) {
    return ids(
        send(
            "GET the run's pending users",
            request("/api/v1/ingestions/" + run + "/pending?limit=" + limit).GET(),
            200));
  }

  private static List<UUID> ids(JsonNode view) {
    List<UUID> ids = new ArrayList<>();
    view.path("userIds").forEach(id -> ids.add(UUID.fromString(id.asText())));
    return ids;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("X-API-Key", apiKey);
  }

  private static HttpRequest.BodyPublisher body(String json) {
    return HttpRequest.BodyPublishers.ofString(json);
  }

  private JsonNode send(String what, HttpRequest.Builder request, int expected) {
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IngestApiException(
          0,
          "the ingest service at "
              + baseUrl
              + " does not answer ("
              + e
              + "); is it running?"
              + " (./pipeline up ingest-service)",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IngestApiException(0, "interrupted waiting for the ingest service", e);
    }
    if (response.statusCode() == expected) {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new IngestApiException(
            expected, what + " answered a body that is not JSON: " + excerpt(response.body()), e);
      }
    }
    throw new IngestApiException(response.statusCode(), refusal(what, response), null);
  }

  /** One sentence for a refusal, with what to do where that is known. */
  private String refusal(String what, HttpResponse<String> response) {
    String detail = detail(response.body());
    return switch (response.statusCode()) {
      case 401 ->
          "the ingest service at "
              + baseUrl
              + " refused the API key ("
              + detail
              + "): set INGEST_API_KEY to the key the running service was started with";
      case 503 ->
          what
              + " answered 503, the service is unavailable for now ("
              + detail
              + "); try again in "
              + response.headers().firstValue("Retry-After").orElse("a few")
              + " s";
      default -> what + " answered " + response.statusCode() + ": " + detail;
    };
  }

  private static String detail(String body) {
    try {
      JsonNode problem = JSON.readTree(body);
      if (problem.hasNonNull("detail")) {
        return problem.get("detail").asText();
      }
    } catch (IOException | RuntimeException e) {
      // not problem+json: quoted as it is below
    }
    return excerpt(body);
  }

  private static String excerpt(String body) {
    String text = body == null ? "" : body.strip();
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
