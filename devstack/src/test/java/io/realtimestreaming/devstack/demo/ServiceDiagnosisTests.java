package io.realtimestreaming.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceDiagnosisTests {

  @TempDir Path dir;

  @Test
  void findsTheLastErrorLineOfALog() throws Exception {
    Path log = dir.resolve("stream-job.log");
    Files.writeString(
        log,
        "2026 INFO batch 1\n2026 ERROR first failure\n2026 INFO retrying\n2026 ERROR lost offsets\n"
            + "\tat some.Frame(Frame.java:1)\n2026 INFO waiting\n");

    assertThat(ServiceDiagnosis.lastErrorLine(log)).contains("2026 ERROR lost offsets");
  }

  @Test
  void noLogOrNoErrorIsEmpty() throws Exception {
    assertThat(ServiceDiagnosis.lastErrorLine(dir.resolve("missing.log"))).isEmpty();
    Path quiet = Files.writeString(dir.resolve("quiet.log"), "INFO all good\n");
    assertThat(ServiceDiagnosis.lastErrorLine(quiet)).isEmpty();
  }
}
