package io.realtimestreaming.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realtimestreaming.ingest.IngestServiceApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The whole service refuses to start without a usable key, before it connects to anything (so no
 * database, Kafka or registry is needed here), and says what to set.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeysStartupTests {

  @Test
  void withoutAKeyTheServiceDoesNotStartAndSaysWhatToSet(CapturedOutput output) {
    // an empty argument: whatever INGEST_API_KEY the environment of the build may hold
    assertThatThrownBy(() -> start("--ingest.api.key="))
        .hasRootCauseInstanceOf(InvalidApiKeysException.class)
        .rootCause()
        .hasMessageStartingWith("INGEST_API_KEY (ingest.api.key) is not set");

    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("INGEST_API_KEY (ingest.api.key) is not set, and the service has no default key.")
        .contains("Set INGEST_API_KEY to a random key of at least 32 printable characters");
  }

  @Test
  void theDevelopmentKeyStartsNothingOutsideTheDevProfile(CapturedOutput output) {
    assertThatThrownBy(() -> start("--ingest.api.key=dev-ingest-key"))
        .hasRootCauseInstanceOf(InvalidApiKeysException.class);

    assertThat(output)
        .contains("the key is a known development or example value")
        .contains("--spring.profiles.active=dev");
  }

  private static void start(String keyArgument) {
    new SpringApplicationBuilder(IngestServiceApplication.class)
        .run(
            keyArgument,
            "--server.port=0",
            "--management.server.port=0",
            // nothing is listening here: the start must fail on the key before any connection
            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:9/nothing",
            "--spring.kafka.bootstrap-servers=127.0.0.1:9")
        .close();
  }
}
