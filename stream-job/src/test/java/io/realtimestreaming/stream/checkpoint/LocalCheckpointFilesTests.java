package io.realtimestreaming.stream.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkFileAlreadyExistsException;
import org.apache.spark.sql.execution.streaming.checkpointing.CheckpointFileManager;
import org.apache.spark.sql.execution.streaming.checkpointing.FileContextBasedCheckpointFileManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCheckpointFilesTests {

  @TempDir java.nio.file.Path dir;

  private final Configuration hadoop = new Configuration();

  @Test
  void aWrittenFileAppearsWholeUnderItsNameWithNothingBeside() throws IOException {
    CheckpointFileManager files = new LocalCheckpointFiles(new Path(dir.toUri()), hadoop);

    write(files, "0", "v1\n{\"users_created\":{\"0\":42}}");

    assertThat(Files.readString(dir.resolve("0"))).isEqualTo("v1\n{\"users_created\":{\"0\":42}}");
    assertThat(names()).containsExactly("0");
  }

  @Test
  void aCommittedBatchIsNeverOverwritten() throws IOException {
    CheckpointFileManager files = new LocalCheckpointFiles(new Path(dir.toUri()), hadoop);
    write(files, "7", "first");

    assertThatThrownBy(() -> write(files, "7", "second"))
        .isInstanceOf(SparkFileAlreadyExistsException.class);
    assertThat(Files.readString(dir.resolve("7"))).isEqualTo("first");
  }

  @Test
  void aCancelledWriteLeavesNothing() throws IOException {
    CheckpointFileManager files = new LocalCheckpointFiles(new Path(dir.toUri()), hadoop);
    CheckpointFileManager.CancellableFSDataOutputStream out =
        files.createAtomic(new Path(dir.resolve("3").toUri()), false);
    out.write("half".getBytes(StandardCharsets.UTF_8));
    out.cancel();

    assertThat(names()).isEmpty();
  }

  @Test
  void writesWithoutStartingAProcessWhereSparksDefaultStartsSeveral() throws IOException {
    long ours = processesStartedWhile(path -> new LocalCheckpointFiles(path, hadoop));
    long sparks =
        processesStartedWhile(path -> new FileContextBasedCheckpointFileManager(path, hadoop));

    assertThat(ours).isZero();
    assertThat(sparks).as("chmod and readlink run by Hadoop's local file system").isPositive();
  }

  @Test
  void onlyALocalCheckpointIsWrittenThisWay() {
    assertThat(LocalCheckpointFiles.isLocal(dir.toString(), hadoop)).isTrue();
    assertThat(LocalCheckpointFiles.isLocal(dir.toUri().toString(), hadoop)).isTrue();
    assertThat(LocalCheckpointFiles.isLocal("hdfs://namenode:8020/checkpoints/users", hadoop))
        .isFalse();
  }

  /** Writes batches 0 to 4 in a directory of their own, counting the processes JFR saw start. */
  private long processesStartedWhile(Function<Path, CheckpointFileManager> manager)
      throws IOException {
    java.nio.file.Path logDir = Files.createTempDirectory(dir, "log");
    CheckpointFileManager files = manager.apply(new Path(logDir.toUri()));
    java.nio.file.Path recorded = dir.resolve(logDir.getFileName() + ".jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ProcessStart");
      recording.start();
      for (int batch = 0; batch < 5; batch++) {
        write(files, logDir.getFileName() + "/" + batch, "batch " + batch);
      }
      recording.stop();
      recording.dump(recorded);
    }
    List<RecordedEvent> events = RecordingFile.readAllEvents(recorded);
    return events.stream()
        .filter(e -> e.getEventType().getName().equals("jdk.ProcessStart"))
        .count();
  }

  private void write(CheckpointFileManager files, String name, String text) throws IOException {
    try (CheckpointFileManager.CancellableFSDataOutputStream out =
        files.createAtomic(new Path(dir.resolve(name).toUri()), false)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private List<String> names() throws IOException {
    try (Stream<java.nio.file.Path> listed = Files.list(dir)) {
      return listed.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
