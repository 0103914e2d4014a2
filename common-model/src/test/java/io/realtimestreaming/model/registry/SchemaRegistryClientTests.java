package io.realtimestreaming.model.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.realtimestreaming.model.avro.UserAvro;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against recorded answers of Confluent Schema Registry 7.9 and Apicurio 3.0.9. */
@WireMockTest
class SchemaRegistryClientTests {

  static final String SUBJECT = "users_created-value";
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  WireMock registry;
  SchemaRegistryClient client;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    registry = wm.getWireMock();
    client = new SchemaRegistryClient(wm.getHttpBaseUrl() + "/");
  }

  @Test
  void registersTheSchemaAsAJsonStringWithoutSchemaType() throws Exception {
    String body =
        new ObjectMapper().writeValueAsString(Map.of("schema", UserAvro.schema().toString()));
    registry.register(
        post("/subjects/" + SUBJECT + "/versions")
            .withHeader("Content-Type", equalTo(CONTENT_TYPE))
            .withRequestBody(equalToJson(body))
            .willReturn(okJson("{\"id\":1}")));

    assertThat(client.register(SUBJECT, UserAvro.schema())).isEqualTo(1);
    assertThat(client.register(SUBJECT, UserAvro.schema())).isEqualTo(1); // idempotent
  }

  @Test
  void fetchesASchemaByIdOnce(WireMockRuntimeInfo wm) throws Exception {
    String answer =
        new ObjectMapper()
            .writeValueAsString(
                Map.of(
                    "schema",
                    UserAvro.schema().toString(),
                    "schemaType",
                    "AVRO",
                    "references",
                    new Object[0]));
    registry.register(get("/schemas/ids/4").willReturn(okJson(answer)));

    Schema first = client.schemaById(4);
    Schema second = client.schemaById(4);

    assertThat(first).isEqualTo(UserAvro.schema());
    assertThat(second).isSameAs(first);
    registry.verifyThat(1, getRequestedFor(urlEqualTo("/schemas/ids/4")));
  }

  @Test
  void knowsTheSchemaItRegisteredWithoutFetchingIt() {
    registry.register(post("/subjects/" + SUBJECT + "/versions").willReturn(okJson("{\"id\":5}")));

    client.register(SUBJECT, UserAvro.schema());

    assertThat(client.schemaById(5)).isSameAs(UserAvro.schema());
    registry.verifyThat(0, getRequestedFor(urlEqualTo("/schemas/ids/5")));
  }

  @Test
  void refusesASchemaThatIsNotAvro() {
    registry.register(
        get("/schemas/ids/6")
            .willReturn(
                okJson("{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}")));

    assertThatThrownBy(() -> client.schemaById(6)).hasMessageContaining("is PROTOBUF, not AVRO");
  }

  @Test
  void setsCompatibilityAgainstConfluent() {
    registry.register(
        put("/config/" + SUBJECT)
            .withRequestBody(equalToJson("{\"compatibility\":\"BACKWARD\"}"))
            .willReturn(okJson("{\"compatibility\":\"BACKWARD\"}")));

    client.setCompatibility(SUBJECT, "BACKWARD");

    registry.verifyThat(1, putRequestedFor(urlEqualTo("/config/" + SUBJECT)));
  }

  @Test
  void setsCompatibilityAgainstApicurio() {
    registry.register(
        put("/config/" + SUBJECT).willReturn(okJson("{\"compatibilityLevel\":\"BACKWARD\"}")));

    client.setCompatibility(SUBJECT, "BACKWARD");

    registry.verifyThat(1, putRequestedFor(urlEqualTo("/config/" + SUBJECT)));
  }

  @Test
  void setsTheGlobalCompatibility() {
    registry.register(
        put("/config")
            .withRequestBody(equalToJson("{\"compatibility\":\"FULL\"}"))
            .willReturn(okJson("{\"compatibility\":\"FULL\"}")));

    client.setGlobalCompatibility("FULL");

    registry.verifyThat(1, putRequestedFor(urlEqualTo("/config")));
  }

  @Test
  void refusesAConfigAnswerThatDisagrees() {
    registry.register(
        put("/config/" + SUBJECT).willReturn(okJson("{\"compatibilityLevel\":\"NONE\"}")));

    assertThatThrownBy(() -> client.setCompatibility(SUBJECT, "BACKWARD"))
        .hasMessageContaining("asked for BACKWARD but the registry answered NONE");
  }

  @Test
  void readsTheSubjectLevelAskingForTheGlobalFallback() {
    registry.register(
        get(urlPathEqualTo("/config/" + SUBJECT))
            .withQueryParam("defaultToGlobal", equalTo("true"))
            .willReturn(okJson("{\"compatibilityLevel\":\"BACKWARD\"}")));

    assertThat(client.compatibility(SUBJECT)).isEqualTo("BACKWARD");
  }

  @Test
  void readsTheGlobalLevelForASubjectApicurioHasNeverSeen() {
    registry.register(
        get(urlPathEqualTo("/config/" + SUBJECT))
            .willReturn(
                error(
                    404,
                    40401,
                    "No artifact with ID 'users_created-value' in group 'null' was found.")));
    registry.register(get("/config").willReturn(okJson("{\"compatibilityLevel\":\"NONE\"}")));

    assertThat(client.compatibility(SUBJECT)).isEqualTo("NONE");
  }

  @Test
  void mapsAnIncompatibleSchemaTo409() {
    registry.register(
        post("/subjects/" + SUBJECT + "/versions")
            .willReturn(
                error(
                    409,
                    409,
                    "io.apicurio.registry.rules.RuleViolationException: Incompatible artifact:"
                        + " users_created-value [AVRO], num of incompatible diffs: {1}")));

    SchemaRegistryException e =
        catchThrowableOfType(
            SchemaRegistryException.class, () -> client.register(SUBJECT, UserAvro.schema()));

    assertThat(e.httpStatus()).isEqualTo(409);
    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA);
    assertThat(e)
        .hasMessageContaining("POST " + client.baseUrl() + "/subjects/" + SUBJECT + "/versions")
        .hasMessageContaining("a new field needs a default")
        .hasMessageContaining("Registry said: io.apicurio.registry.rules.RuleViolationException");
  }

  @Test
  void reportsAFailingGlobalFallbackAsItIs() {
    registry.register(
        get(urlPathEqualTo("/config/nobody"))
            .willReturn(error(404, 40401, "Subject 'nobody' not found.")));
    registry.register(get("/config").willReturn(error(500, 50001, "store down")));

    SchemaRegistryException e =
        catchThrowableOfType(SchemaRegistryException.class, () -> client.compatibility("nobody"));

    assertThat(e.httpStatus()).isEqualTo(500);
    assertThat(e.errorCode()).isEqualTo(50001);
    assertThat(e).hasMessageContaining("see its log");
  }

  @Test
  void reportsSubjectNotFoundWithStatusAndCode() {
    registry.register(
        post("/subjects/" + SUBJECT + "/versions")
            .willReturn(error(404, 40401, "Subject 'users_created-value' not found.")));

    SchemaRegistryException e =
        catchThrowableOfType(
            SchemaRegistryException.class, () -> client.register(SUBJECT, UserAvro.schema()));

    assertThat(e.httpStatus()).isEqualTo(404);
    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
    assertThat(e).hasMessageContaining("error_code 40401");
  }

  @Test
  void pointsAtTheBaseUrlWhenNothingAnswersAtThePath() {
    registry.register(get("/schemas/ids/1").willReturn(aResponse().withStatus(404)));

    assertThatThrownBy(() -> client.schemaById(1))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isZero())
        .hasMessageContaining("check the base URL")
        .hasMessageContaining("/apis/ccompat/v7");
  }

  @Test
  void saysHowToStartTheRegistryWhenItIsDown() throws Exception {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    String base = "http://127.0.0.1:" + freePort + "/apis/ccompat/v7";
    SchemaRegistryClient down =
        new SchemaRegistryClient(base, Duration.ofSeconds(1), Duration.ofSeconds(1));

    SchemaRegistryException e =
        catchThrowableOfType(SchemaRegistryException.class, () -> down.schemaById(1));

    assertThat(e.httpStatus()).isZero();
    assertThat(e)
        .hasMessageContaining("GET " + base + "/schemas/ids/1 failed")
        .hasMessageContaining("is the registry running at " + base + "?")
        .hasMessageContaining("./pipeline up registry");
  }

  @Test
  void encodesTheSubjectInThePath() {
    registry.register(post("/subjects/a%20b%2Fc/versions").willReturn(okJson("{\"id\":2}")));

    assertThat(client.register("a b/c", UserAvro.schema())).isEqualTo(2);
    registry.verifyThat(1, postRequestedFor(urlEqualTo("/subjects/a%20b%2Fc/versions")));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(
      int status, int code, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", CONTENT_TYPE)
        .withBody("{\"message\":\"" + message + "\",\"error_code\":" + code + "}");
  }
}
