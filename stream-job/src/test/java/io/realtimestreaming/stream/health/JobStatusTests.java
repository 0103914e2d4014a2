package io.realtimestreaming.stream.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobStatusTests {

  @TempDir Path dir;

  @Test
  void theFileSaysTheStateTheReasonAndTheLastBatch() throws Exception {
    Path file = dir.resolve("run/stream-job.status.json");
    JobStatus status = new JobStatus(file);
    assertThat(read(file).path("state").asText()).isEqualTo("starting");

    status.restarting("java.net.ConnectException: Connection refused");
    assertThat(read(file).path("state").asText()).isEqualTo("restarting");
    assertThat(read(file).path("reason").asText()).contains("Connection refused");

    status.batchCommitted(7);
    JsonNode running = read(file);
    assertThat(running.path("state").asText()).isEqualTo("running");
    assertThat(running.path("reason").isNull()).isTrue();
    assertThat(running.path("lastBatch").asLong()).isEqualTo(7);

    status.failed("offsets lost");
    assertThat(read(file).path("state").asText()).isEqualTo("failed");
    assertThat(status.state()).isEqualTo(JobStatus.State.FAILED);
  }

  @Test
  void withoutAFileItOnlyKeepsTheState() {
    JobStatus status = new JobStatus(null);

    status.restarting("x");

    assertThat(status.state()).isEqualTo(JobStatus.State.RESTARTING);
  }

  private static JsonNode read(Path file) throws Exception {
    return new ObjectMapper().readTree(file.toFile());
  }
}
