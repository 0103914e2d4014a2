package io.realtimestreaming.stream.checkpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.checkpointing.FileSystemBasedCheckpointFileManager;

/**
 * Writes a checkpoint on the local file system without starting a process. Without its native
 * library (not published to Maven Central), Hadoop's local file system sets a new file's
 * permissions by running {@code chmod}, for the file and again for its {@code .crc}, and Spark's
 * default checkpoint manager renames through {@code FileContext}, which runs {@code readlink} on
 * each path it touches: 20 processes forked from the job's JVM at every batch end, each offsets and
 * commit file written, while the records arriving wait (docs/benchmarks.md, "Latency: checkpoints
 * without forks").
 *
 * <p>Spark's file-system manager (rename through {@code FileSystem}, which starts no process) with
 * the temporary file created by {@code java.nio}: the file is then renamed onto its final name as
 * Spark's manager does, so the log stays atomic. A checkpoint elsewhere (HDFS, object stores) is
 * left to Spark's own choice of manager: {@link #useFor} sets this one only for a local path.
 */
public final class LocalCheckpointFiles extends FileSystemBasedCheckpointFileManager {

  /** Spark's setting naming the class that writes checkpoint files. */
  static final String MANAGER_SETTING = "spark.sql.streaming.checkpointFileManagerClass";

  /** Spark instantiates the manager by this constructor, for each log of a query. */
  public LocalCheckpointFiles(Path path, Configuration hadoopConf) {
    super(path, hadoopConf);
  }

  /**
   * Has the session's queries write their checkpoints with this manager when {@code checkpointDir}
   * is on the local file system and no manager was chosen by configuration.
   */
  public static void useFor(SparkSession spark, String checkpointDir) {
    if (isLocal(checkpointDir, spark.sparkContext().hadoopConfiguration())
        && !spark.conf().contains(MANAGER_SETTING)) {
      spark.conf().set(MANAGER_SETTING, LocalCheckpointFiles.class.getName());
    }
  }

  /** Whether {@code checkpointDir} is on the local file system, as Hadoop resolves its scheme. */
  static boolean isLocal(String checkpointDir, Configuration hadoopConf) {
    String scheme = new Path(checkpointDir).toUri().getScheme();
    if (scheme == null) {
      scheme = FileSystem.getDefaultUri(hadoopConf).getScheme();
    }
    try {
      return LocalFileSystem.class.isAssignableFrom(
          FileSystem.getFileSystemClass(scheme, hadoopConf));
    } catch (IOException e) {
      throw new UncheckedIOException("no file system for the checkpoint " + checkpointDir, e);
    }
  }

  @Override
  public FSDataOutputStream createTempFile(Path path) {
    if (!(fs() instanceof LocalFileSystem)) {
      return super.createTempFile(path);
    }
    try {
      java.nio.file.Path file = ((LocalFileSystem) fs()).pathToFile(path).toPath();
      OutputStream out =
          Files.newOutputStream(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE);
      return new FSDataOutputStream(out, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create checkpoint file " + path, e);
    }
  }
}
