package io.realtimestreaming.ingest.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.links.Link;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI 3.1 document (/v3/api-docs, committed as docs/openapi.json): what springdoc
 * reads from the controller, plus what it cannot: the X-API-Key scheme, the problem+json answers
 * every operation may give, the request's closed shape and the nulls the views really hold.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

  static final String API_KEY = "apiKey";
  static final String PROBLEM_JSON = "application/problem+json";

  /** Answers every operation may give, by status: the reusable response each refers to. */
  private static final Map<String, String> EVERY_OPERATION =
      Map.of("400", "BadRequest", "401", "Unauthorized", "503", "ServiceUnavailable");

  /** Properties of the views that may be null, by schema. */
  private static final Map<String, List<String>> NULLABLE =
      Map.of(
          "RunView", List.of("error", "finishedAt", "reconciliation"),
          "RunReconciliation", List.of("landed", "deadLettered", "ledgerError"),
          "IngestionRequest", List.of("seed", "nationalities"));

  @Bean
  OpenAPI ingestOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Ingest API")
                .version("1")
                .description(
                    "Starts ingestion runs (randomuser -> PostgreSQL -> Kafka -> Cassandra) and"
                        + " follows them. Every operation needs the X-API-Key header. Errors are"
                        + " application/problem+json (RFC 9457); bad input names the field in"
                        + " errors[].field."))
        .addServersItem(new Server().url("/").description("the service that serves this document"))
        .addSecurityItem(new SecurityRequirement().addList(API_KEY))
        .components(
            new Components()
                .addSecuritySchemes(
                    API_KEY,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name(ApiKeyFilter.HEADER)
                        .description(
                            "One of the service's keys (INGEST_API_KEY, comma-separated during"
                                + " a rotation)"))
                .addSchemas("Problem", problemSchema())
                .addSchemas("FieldProblem", fieldProblemSchema())
                .addResponses(
                    "BadRequest", problem("The request is invalid; errors[] names each field"))
                .addResponses("Unauthorized", problem("The X-API-Key header is missing or wrong"))
                .addResponses("NotFound", problem("No run has this id"))
                .addResponses("ContentTooLarge", problem("The request body is larger than 16 KB"))
                .addResponses(
                    "UnsupportedMediaType", problem("The request body is not application/json"))
                .addResponses(
                    "ServiceUnavailable",
                    problem(
                            "The run queue is full, or PostgreSQL or the landing ledger cannot"
                                + " be reached; try again after Retry-After seconds")
                        .addHeaderObject(
                            "Retry-After",
                            new Header()
                                .description("seconds to wait before trying again")
                                .required(true)
                                .schema(types("integer")))));
  }

  @Bean
  OpenApiCustomizer ingestApiContract() {
    return openApi -> {
      Map<String, Schema> schemas = openApi.getComponents().getSchemas();
      for (String view : List.of("RunView", "RunUsersView", "RunReconciliation")) {
        // a view always writes every property, null or not
        schemas.get(view).setRequired(new ArrayList<>(schemas.get(view).getProperties().keySet()));
      }
      NULLABLE.forEach(
          (schema, properties) -> {
            Map<String, Schema> props = schemas.get(schema).getProperties();
            properties.forEach(name -> props.put(name, orNull(props.get(name))));
          });
      Schema<?> request = schemas.get("IngestionRequest");
      request.setAdditionalProperties(false);
      @SuppressWarnings("unchecked")
      Schema<Object> nationality = request.getProperties().get("nationalities").getItems();
      nationality.setPattern(null);
      nationality.setEnum(
          new ArrayList<>(Arrays.asList(IngestionRequest.NATIONALITY.split("\\|"))));
      openApi
          .getPaths()
          .values()
          .forEach(path -> path.readOperations().forEach(OpenApiConfig::addCommonAnswers));
      // what a client (and Schemathesis' stateful phase) may ask once a run is accepted
      ApiResponse accepted =
          openApi.getPaths().get("/api/v1/ingestions").getPost().getResponses().get("202");
      for (String next :
          List.of("getIngestion", "listIngestionUsers", "listPendingUsers", "listParkedUsers")) {
        accepted.link(
            next,
            new Link()
                .operationId(next)
                .parameters("id", "$response.body#/id")
                .description("the run just accepted"));
      }
    };
  }

  private static void addCommonAnswers(Operation operation) {
    ApiResponses responses = operation.getResponses();
    EVERY_OPERATION.forEach(
        (status, name) -> {
          if (!responses.containsKey(status)) {
            responses.addApiResponse(
                status, new ApiResponse().$ref("#/components/responses/" + name));
          }
        });
    // by status, so the document's order does not depend on when each was added
    Map<String, ApiResponse> sorted = new LinkedHashMap<>();
    responses.keySet().stream()
        .sorted()
        .forEach(status -> sorted.put(status, responses.get(status)));
    responses.clear();
    responses.putAll(sorted);
  }

  /** {@code schema}, or null: a type list with "null", or anyOf for a reference. */
  private static Schema<?> orNull(Schema<?> schema) {
    if (schema.get$ref() != null) {
      return new JsonSchema()
          .anyOf(List.of(new JsonSchema().$ref(schema.get$ref()), types("null")));
    }
    Set<String> types = new LinkedHashSet<>(schema.getTypes());
    types.add("null");
    return schema.types(types);
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    PROBLEM_JSON,
                    new MediaType().schema(new JsonSchema().$ref("#/components/schemas/Problem"))));
  }

  /** RFC 9457's members as the service fills them, and the invalid fields of a 400. */
  private static Schema<?> problemSchema() {
    return types("object")
        .description("An error, as application/problem+json (RFC 9457)")
        .addProperty("type", types("string").format("uri-reference"))
        .addProperty("title", types("string"))
        .addProperty("status", types("integer").minimum(java.math.BigDecimal.valueOf(400)))
        .addProperty("detail", types("string"))
        .addProperty("instance", types("string").format("uri-reference"))
        .addProperty(
            "errors",
            types("array")
                .description("the invalid fields of a 400")
                .items(new JsonSchema().$ref("#/components/schemas/FieldProblem")))
        .required(List.of("status", "title"));
  }

  private static Schema<?> fieldProblemSchema() {
    return types("object")
        .addProperty(
            "field",
            types("string")
                .description("the JSON path or parameter, e.g. count, nationalities[1], limit"))
        .addProperty("message", types("string"))
        .required(List.of("field", "message"));
  }

  private static Schema<?> types(String... types) {
    return new JsonSchema().types(new LinkedHashSet<>(List.of(types)));
  }
}
