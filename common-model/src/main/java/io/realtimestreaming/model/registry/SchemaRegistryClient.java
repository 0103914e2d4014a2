package io.realtimestreaming.model.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A small client for the Confluent Schema Registry REST API, as served by Confluent Schema Registry
 * (compose) and by Apicurio Registry 3.0.9's Confluent-compatible API (no-Docker stack). The caller
 * passes the base URL: {@code http://host:8081} for Confluent, {@code
 * http://host:8081/apis/ccompat/v7} for Apicurio.
 *
 * <p>Hand-written because Confluent's client ({@code kafka-schema-registry-client}) is not on Maven
 * Central, and Apicurio's own serdes speak its native API rather than the Confluent one the compose
 * stack has. The five calls used here are small.
 *
 * <p>Apicurio differences this client absorbs:
 *
 * <ul>
 *   <li>the answer to {@code PUT /config} names the level {@code compatibilityLevel}, where
 *       Confluent says {@code compatibility}: both are read;
 *   <li>{@code GET /config/{subject}} with no subject level answers 200 with the global level,
 *       where Confluent answers 404 unless asked {@code defaultToGlobal=true}: we always ask; for a
 *       subject it has never seen Apicurio answers 40401: we then read the global level;
 *   <li>error messages are Java exception text: the error codes (40401, 40403, 409, 42201) match,
 *       so errors are told apart by code, and the message is only quoted.
 * </ul>
 *
 * Apicurio's default compatibility is NONE, not BACKWARD: whoever sets the pipeline up calls {@link
 * #setCompatibility} explicitly.
 *
 * <p>Schemas fetched by id are cached for the life of the client (ids are immutable); the client is
 * thread-safe.
 */
public final class SchemaRegistryClient {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final String baseUrl;
  private final RegistryHttp http;
  private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  public SchemaRegistryClient(String baseUrl) {
    this(baseUrl, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }

  public SchemaRegistryClient(String baseUrl, Duration connectTimeout, Duration requestTimeout) {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException("schema registry base URL is required");
    }
    this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
    this.http = new RegistryHttp(this.baseUrl, connectTimeout, requestTimeout);
  }

  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Registers {@code schema} under {@code subject} and returns its id; registering a schema the
   * subject already has returns the existing id.
   *
   * @throws SchemaRegistryException with error code 409 if the subject's compatibility level
   *     rejects it, 42201 if the registry cannot parse it
   */
  public int register(String subject, Schema schema) {
    // schemaType is left out: both registries take a schema without one as AVRO.
    ObjectNode body = http.json().createObjectNode().put("schema", schema.toString());
    int id = http.post("/subjects/" + path(subject) + "/versions", body).path("id").asInt(-1);
    if (id < 0) {
      throw new SchemaRegistryException(
          "registering under " + subject + " at " + baseUrl + " answered no id", 200, 0, null);
    }
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  /**
   * The schema with this id, fetched once per client.
   *
   * @throws SchemaRegistryException with error code 40403 if no schema has this id
   */
  public Schema schemaById(int id) {
    // Fetching inside computeIfAbsent makes concurrent first lookups of one id (every Spark task
    // at startup) wait for a single request instead of each sending its own.
    return schemasById.computeIfAbsent(id, this::fetch);
  }

  /** Sets the compatibility level (e.g. {@code BACKWARD}) of one subject. */
  public void setCompatibility(String subject, String level) {
    putConfig("/config/" + path(subject), level);
  }

  /** Sets the registry-wide default compatibility level. */
  public void setGlobalCompatibility(String level) {
    putConfig("/config", level);
  }

  /** The subject's compatibility level, or the global one when the subject has none. */
  public String compatibility(String subject) {
    try {
      return level(http.get("/config/" + path(subject) + "?defaultToGlobal=true"));
    } catch (SchemaRegistryException e) {
      // Apicurio answers 40401 for a subject it has never seen, where Confluent falls back.
      if (e.errorCode() != SchemaRegistryException.SUBJECT_NOT_FOUND) {
        throw e;
      }
      return level(http.get("/config"));
    }
  }

  private Schema fetch(int id) {
    JsonNode answer = http.get("/schemas/ids/" + id);
    String type = answer.path("schemaType").asText("AVRO");
    if (!"AVRO".equals(type)) {
      throw new SchemaRegistryException(
          "schema id " + id + " at " + baseUrl + " is " + type + ", not AVRO", 200, 0, null);
    }
    try {
      return new Schema.Parser().parse(answer.path("schema").asText());
    } catch (SchemaParseException e) {
      throw new SchemaRegistryException(
          "schema id " + id + " at " + baseUrl + " is not a valid Avro schema: " + e.getMessage(),
          200,
          0,
          e);
    }
  }

  private void putConfig(String path, String level) {
    String answered =
        level(http.put(path, http.json().createObjectNode().put("compatibility", level)));
    if (!level.equalsIgnoreCase(answered)) {
      throw new SchemaRegistryException(
          String.format(
              "PUT %s%s asked for %s but the registry answered %s", baseUrl, path, level, answered),
          200,
          0,
          null);
    }
  }

  // Confluent answers PUT with "compatibility" and GET with "compatibilityLevel"; Apicurio always
  // says "compatibilityLevel".
  private static String level(JsonNode answer) {
    JsonNode level =
        answer.has("compatibilityLevel")
            ? answer.get("compatibilityLevel")
            : answer.get("compatibility");
    return level == null ? null : level.asText();
  }

  private static String path(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
