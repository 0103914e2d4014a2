package io.realtimestreaming.model.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * JSON over HTTP to one registry, turning every failure into a {@link SchemaRegistryException} that
 * names the URL and says what to do.
 */
final class RegistryHttp {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      CONTENT_TYPE + ", application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5";

  private final String baseUrl;
  private final Duration requestTimeout;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  RegistryHttp(String baseUrl, Duration connectTimeout, Duration requestTimeout) {
    this.baseUrl = baseUrl;
    this.requestTimeout = requestTimeout;
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
  }

  JsonNode get(String path) {
    return send("GET", path, null);
  }

  JsonNode post(String path, JsonNode body) {
    return send("POST", path, body);
  }

  JsonNode put(String path, JsonNode body) {
    return send("PUT", path, body);
  }

  ObjectMapper json() {
    return json;
  }

  private JsonNode send(String method, String path, JsonNode body) {
    URI uri = URI.create(baseUrl + path);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Accept", ACCEPT)
            .header("Content-Type", CONTENT_TYPE)
            .method(
                method,
                body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body.toString()))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SchemaRegistryException(
          String.format(
              "%s %s failed (%s): is the registry running at %s? start it with"
                  + " ./pipeline up registry",
              method, uri, e, baseUrl),
          0,
          0,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException(method + " " + uri + " was interrupted", 0, 0, e);
    }
    JsonNode answer = parse(response.body());
    if (response.statusCode() / 100 != 2) {
      throw RegistryErrors.of(method, uri, baseUrl, response.statusCode(), answer);
    }
    if (answer == null) {
      throw new SchemaRegistryException(
          String.format(
              "%s %s answered HTTP %d with a body that is not JSON: is %s a schema registry's"
                  + " Confluent-compatible API?",
              method, uri, response.statusCode(), baseUrl),
          response.statusCode(),
          0,
          null);
    }
    return answer;
  }

  private JsonNode parse(String body) {
    try {
      JsonNode node = json.readTree(body);
      return node == null || node.isMissingNode() ? null : node;
    } catch (IOException e) {
      return null;
    }
  }
}
