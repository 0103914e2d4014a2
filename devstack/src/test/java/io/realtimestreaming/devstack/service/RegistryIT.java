package io.realtimestreaming.devstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.testing.RealServices;
import io.realtimestreaming.testing.ServiceEndpoints;
import io.realtimestreaming.testing.ServiceKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Registering and evolving schemas is tested with the project's client in common-model. */
@RealServices(ServiceKind.REGISTRY)
class RegistryIT {

  @Test
  void globalCompatibilityIsBackwardAfterUp(ServiceEndpoints endpoints) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(endpoints.schemaRegistryUrl() + "/config"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    // Apicurio answers compatibilityLevel, Confluent compatibilityLevel on GET as well
    assertThat(response.body()).contains("BACKWARD");
  }
}
