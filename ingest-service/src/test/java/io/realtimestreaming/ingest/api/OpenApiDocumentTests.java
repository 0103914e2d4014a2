package io.realtimestreaming.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.realtimestreaming.ingest.reconcile.RunReconciler;
import io.realtimestreaming.ingest.run.IngestionRunRepository;
import io.realtimestreaming.ingest.run.RunLauncher;
import io.realtimestreaming.ingest.users.UserStore;
import io.realtimestreaming.testing.RepositoryRoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document the service serves at /v3/api-docs (without the API key) is the one
 * committed as docs/openapi.json, which the fuzz script and clients use. The API's web layer with
 * springdoc is enough to serve it: the document describes only the controller, the guards and the
 * configuration imported here. After a change to the API, rewrite the file with {@code ./mvnw -B
 * -pl ingest-service test -Dtest=OpenApiDocumentTests -Dopenapi.write=true} and commit it.
 */
@WebMvcTest(IngestionController.class)
@Import({ApiConfig.class, OpenApiConfig.class})
@ImportAutoConfiguration({
  SpringDocConfiguration.class,
  SpringDocConfigProperties.class,
  SpringDocWebMvcConfiguration.class
})
@ActiveProfiles("dev")
@TestPropertySource(properties = "ingest.api.key=test-key")
class OpenApiDocumentTests {

  static final String FILE = "docs/openapi.json";
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @Autowired MockMvc mvc;
  @MockitoBean RunLauncher launcher;
  @MockitoBean IngestionRunRepository runs;
  @MockitoBean UserStore users;
  @MockitoBean RunReconciler reconciler;

  @Test
  void theServedDocumentIsTheCommittedOne() throws Exception {
    MvcResult result = mvc.perform(get("/v3/api-docs")).andReturn();
    assertThat(result.getResponse().getStatus())
        .as("no API key is needed for the document")
        .isEqualTo(200);
    JsonNode served =
        JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    Path file = RepositoryRoot.find().resolve(FILE);

    if (Boolean.getBoolean("openapi.write")) {
      Files.writeString(file, JSON.writeValueAsString(served) + "\n", StandardCharsets.UTF_8);
    }

    assertThat(served.path("openapi").asString()).startsWith("3.1");
    assertThat(file).as(FILE).exists();
    assertThat(served)
        .as(
            "the served OpenAPI document differs from "
                + FILE
                + "; if the API change is meant, rewrite the file with ./mvnw -B -pl"
                + " ingest-service test -Dtest=OpenApiDocumentTests -Dopenapi.write=true and"
                + " commit it")
        .isEqualTo(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)));
  }
}
