package io.realtimestreaming.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log's end is read whole lines at a time, without reading a long log whole or failing on it. */
class LogTailTests {

  @TempDir Path dir;

  @Test
  void lastLinesOfALogLongerThanWhatIsRead() throws IOException {
    Path log = dir.resolve("kafka.log");
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 20_000; i++) {
      text.append("line ").append(i).append(" of a busy service's log\n");
    }
    Files.writeString(log, text);
    assertThat(Files.size(log)).isGreaterThan(LogTail.BYTES);

    assertThat(LogTail.lastLines(log, 3))
        .isEqualTo(
            "line 19998 of a busy service's log\n"
                + "line 19999 of a busy service's log\n"
                + "line 20000 of a busy service's log");
    assertThat(LogTail.read(log)).hasSizeLessThanOrEqualTo(LogTail.BYTES);
  }

  @Test
  void aShortLogWithoutItsLastNewlineIsReturnedWhole() throws IOException {
    Path log = dir.resolve("zookeeper.log");
    Files.writeString(log, "starting\nbinding to port 2181");

    assertThat(LogTail.lastLines(log, 25)).isEqualTo("starting\nbinding to port 2181");
  }

  @Test
  void bytesThatAreNotUtf8DoNotStopTheDiagnosis() throws IOException {
    Path log = dir.resolve("postgres.log");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write("FATAL: lock file exists ".getBytes(StandardCharsets.UTF_8));
    bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28});
    bytes.write("\n".getBytes(StandardCharsets.UTF_8));
    Files.write(log, bytes.toByteArray());

    assertThat(LogTail.lastLines(log, 1)).startsWith("FATAL: lock file exists ");
  }

  @Test
  void aMissingLogIsAnIoError() {
    assertThatThrownBy(() -> LogTail.lastLines(dir.resolve("absent.log"), 5))
        .isInstanceOf(IOException.class);
  }
}
