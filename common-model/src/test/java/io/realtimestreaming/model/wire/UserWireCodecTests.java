package io.realtimestreaming.model.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.realtimestreaming.model.User;
import io.realtimestreaming.model.Users;
import io.realtimestreaming.model.avro.UserAvro;
import io.realtimestreaming.model.registry.SchemaRegistryClient;
import io.realtimestreaming.model.registry.SchemaRegistryException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@WireMockTest
class UserWireCodecTests {

  static final String SUBJECT = "users_created-value";

  @Test
  void encodesWithTheRegisteredIdAndRegistersOnce(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(post("/subjects/" + SUBJECT + "/versions").willReturn(okJson("{\"id\":7}")));
    UserWireCodec codec = new UserWireCodec(new SchemaRegistryClient(wm.getHttpBaseUrl()), SUBJECT);

    byte[] first = codec.encode(Users.jennie());
    codec.encode(Users.minimal());

    assertThat(ConfluentWireFormat.decode(first).schemaId()).isEqualTo(7);
    wm.getWireMock()
        .verifyThat(1, postRequestedFor(urlEqualTo("/subjects/" + SUBJECT + "/versions")));
  }

  @Test
  void encodesAListValueByValueAsEachAlone(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(post("/subjects/" + SUBJECT + "/versions").willReturn(okJson("{\"id\":7}")));
    UserWireCodec codec = new UserWireCodec(new SchemaRegistryClient(wm.getHttpBaseUrl()), SUBJECT);
    // the longer record first: its bytes must not leak into the shorter one's value
    List<User> users = List.of(Users.jennie(), Users.minimal(), Users.jennie());

    List<byte[]> values = codec.encodeAll(users);

    assertThat(values).hasSize(3);
    for (int i = 0; i < users.size(); i++) {
      assertThat(values.get(i))
          .isEqualTo(ConfluentWireFormat.encode(7, UserAvro.toAvroBinary(users.get(i))));
    }
  }

  @Test
  void decodesWithTheWriterSchemaFetchedById(WireMockRuntimeInfo wm) throws Exception {
    String answer =
        new ObjectMapper().writeValueAsString(Map.of("schema", UserAvro.schema().toString()));
    wm.getWireMock().register(get("/schemas/ids/3").willReturn(okJson(answer)));
    UserWireCodec codec = new UserWireCodec(new SchemaRegistryClient(wm.getHttpBaseUrl()), SUBJECT);
    byte[] message = ConfluentWireFormat.encode(3, UserAvro.toAvroBinary(Users.jennie()));

    assertThat(codec.decode(message)).isEqualTo(Users.jennie());
    assertThat(codec.decode(message)).isEqualTo(Users.jennie());
    wm.getWireMock().verifyThat(1, getRequestedFor(urlEqualTo("/schemas/ids/3")));
  }

  @Test
  void reportsAnUnknownSchemaId(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/schemas/ids/99")
                .willReturn(
                    aResponse()
                        .withStatus(404)
                        .withBody(
                            "{\"message\":\"No content with ID '99' was"
                                + " found.\",\"error_code\":40403}")));
    UserWireCodec codec = new UserWireCodec(new SchemaRegistryClient(wm.getHttpBaseUrl()), SUBJECT);

    assertThatThrownBy(() -> codec.decode(ConfluentWireFormat.encode(99, new byte[] {1})))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
  }
}
