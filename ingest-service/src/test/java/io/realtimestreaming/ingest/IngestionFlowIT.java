package io.realtimestreaming.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.realtimestreaming.model.User;
import io.realtimestreaming.model.ingest.IngestClient;
import io.realtimestreaming.model.ingest.RunReport;
import io.realtimestreaming.model.registry.SchemaRegistryClient;
import io.realtimestreaming.model.wire.ConfluentWireFormat;
import io.realtimestreaming.model.wire.EventHeaders;
import io.realtimestreaming.model.wire.UserWireCodec;
import io.realtimestreaming.testing.RealServices;
import io.realtimestreaming.testing.ServiceEndpoints;
import io.realtimestreaming.testing.ServiceKind;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service against real PostgreSQL, Kafka and registry, with the devstack's offline
 * randomuser source upstream: a run lands in PostgreSQL and on Kafka, and running the same seed
 * again updates the same users.
 *
 * <p>{@code @RealServices} comes first, so its extension has the services up before Spring's builds
 * the context; the endpoints reach the context through {@code @DynamicPropertySource}, whose
 * suppliers are read only while the context starts (after {@code @BeforeAll}).
 */
@RealServices({
  ServiceKind.POSTGRES,
  ServiceKind.KAFKA,
  ServiceKind.REGISTRY,
  ServiceKind.RANDOMUSER
})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(ServiceUnderTest.PROFILE)
class IngestionFlowIT {

  private static final String SCHEMA = ServiceUnderTest.freshName("ingest_it");
  private static final String TOPIC = ServiceUnderTest.freshName("users_created_it");
  private static ServiceEndpoints endpoints; // set once, before the context starts

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  static void services(ServiceEndpoints services) {
    endpoints = services;
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceUnderTest.properties(() -> endpoints, SCHEMA, TOPIC, () -> endpoints.randomUserUrl())
        .forEach(registry::add);
  }

  @AfterAll
  static void cleanUp() {
    ServiceUnderTest.cleanUp(endpoints, SCHEMA, TOPIC);
  }

  @Test
  void aRunLandsInPostgresAndOnKafkaAndTheSameSeedAgainWritesNewVersions() {
    IngestClient api = ServiceUnderTest.client(port);
    String seed = "flow-" + UUID.randomUUID();

    RunReport first = AwaitRun.published(api, api.start(2000, seed), Duration.ofMinutes(2));

    UUID firstRun = first.id();
    assertThat(first.status()).isEqualTo("SUCCEEDED");
    assertThat(first.fetched()).isEqualTo(2000);
    assertThat(first.stored()).isEqualTo(2000);
    assertThat(first.duplicates()).isZero();
    assertThat(first.rejected()).isZero();
    assertThat(first.published()).isEqualTo(2000);
    Set<UUID> stored = idsOfRun(firstRun);
    assertThat(stored).hasSize(2000);
    assertThat(count("select count(*) from outbox")).isZero();

    // the topic is this class's own, but other tests of the class publish to it too
    List<ConsumerRecord<String, byte[]>> records =
        TopicRecords.readAll(endpoints.kafkaBootstrapServers(), TOPIC, 2000, Duration.ofMinutes(1));
    SchemaRegistryClient registry = new SchemaRegistryClient(endpoints.schemaRegistryUrl());
    UserWireCodec codec = new UserWireCodec(registry, TOPIC + "-value");
    List<UUID> published = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      User user = codec.decode(record.value());
      assertThat(record.key()).isEqualTo(user.id().toString());
      assertThat(ConfluentWireFormat.decode(record.value()).schemaId()).isEqualTo(codec.schemaId());
      if (user.ingestionRunId().equals(firstRun)) {
        published.add(user.id());
        assertThat(header(record, EventHeaders.RUN_ID)).isEqualTo(firstRun.toString());
        assertThat(header(record, EventHeaders.USER_VERSION))
            .isEqualTo(Long.toString(user.version()));
        assertThat(user.version()).isEqualTo(versionOf(user.id()));
      }
    }
    assertThat(published).hasSize(2000).containsExactlyInAnyOrderElementsOf(stored);
    assertThat(registry.compatibility(TOPIC + "-value")).isEqualTo("BACKWARD");

    long rowsBefore = count("select count(*) from users");
    Map<UUID, Long> versionsBefore = new HashMap<>();
    stored.forEach(id -> versionsBefore.put(id, versionOf(id)));
    RunReport again = AwaitRun.published(api, api.start(2000, seed), Duration.ofMinutes(2));

    UUID secondRun = again.id();
    assertThat(again.stored()).isEqualTo(2000);
    assertThat(again.duplicates()).as("no user repeats within the run").isZero();
    UUID anyUser = stored.iterator().next();
    assertThat(versionOf(anyUser)).isGreaterThan(versionsBefore.get(anyUser));
    assertThat(count("select count(*) from users")).isEqualTo(rowsBefore);
    assertThat(idsOfRun(secondRun)).isEqualTo(stored);
    assertThat(api.userIds(secondRun, 5000)).containsExactlyInAnyOrderElementsOf(stored);
    assertThat(api.userIds(firstRun, 10)).isEmpty(); // the users now belong to the later run
  }

  @Test
  void listsRecentRunsNewestFirst() {
    IngestClient api = ServiceUnderTest.client(port);
    UUID older = api.start(3, "recent-a");
    UUID newer = api.start(3, "recent-b");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.run(newer).published() == 3 && api.run(older).published() == 3);

    List<UUID> ids = api.recent(20).stream().map(RunReport::id).toList();
    assertThat(ids.indexOf(newer)).isLessThan(ids.indexOf(older));
  }

  @Test
  void theActuatorAnswersOnTheManagementPortOnlyWithItsDetails() throws Exception {
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> health = get(http, managementPort, "/actuator/health");
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"", "\"outbox\"", "\"kafka\"", "\"db\"");
    assertThat(get(http, managementPort, "/actuator/prometheus").body())
        .contains("ingest_outbox_backlog");

    for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/info")) {
      assertThat(get(http, port, path).statusCode()).as("API port " + path).isEqualTo(404);
    }
  }

  @Test
  void aBodyOverTheCapIs413ProblemJsonWithOrWithoutItsLength() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    byte[] body =
        ("{\"count\": 5, \"seed\": \"" + "a".repeat(1_000_000) + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    for (HttpRequest.BodyPublisher publisher :
        List.of(
            HttpRequest.BodyPublishers.ofByteArray(body),
            // no length known: sent chunked
            HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ingestions"))
                  .header("X-API-Key", ServiceUnderTest.API_KEY)
                  .header("Content-Type", "application/json")
                  .POST(publisher)
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(response.body()).contains("\"status\":413", "16384 bytes");
    }
  }

  @Test
  void whatTomcatCannotParseIsAProblemToo() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest.Builder nameless =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/ingestions?=3&limit=5"))
            .header("X-API-Key", ServiceUnderTest.API_KEY);
    HttpResponse<String> response =
        http.send(nameless.build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("query string");

    // multipart is never parsed: its content type on a GET changes nothing
    HttpResponse<String> multipart =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ingestions"))
                .header("X-API-Key", ServiceUnderTest.API_KEY)
                .header("Content-Type", "multipart/form-data")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(multipart.statusCode()).as(multipart.body()).isEqualTo(200);
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private long versionOf(UUID user) {
    return jdbc.queryForObject("select version from users where id = ?", Long.class, user);
  }

  private Set<UUID> idsOfRun(UUID run) {
    return new HashSet<>(
        jdbc.queryForList("select id from users where ingestion_run_id = ?", UUID.class, run));
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }
}
