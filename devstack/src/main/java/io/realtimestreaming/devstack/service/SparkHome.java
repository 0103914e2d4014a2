package io.realtimestreaming.devstack.service;

import io.realtimestreaming.devstack.stack.Runtimes;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A Spark installation folder built from the Maven-resolved Spark classpath, for the cluster
 * topology: a standalone worker launches executors from its {@code SPARK_HOME} (their classpath is
 * {@code $SPARK_HOME/jars/*}), and {@code docker/stream-job/submit.sh} calls {@code
 * $SPARK_HOME/bin/spark-submit}. Maven Central has Spark's jars but not its distribution, so the
 * folder links the jars and carries a {@code spark-submit} of its own: Spark's {@code SparkSubmit}
 * on those jars, with the JVM flags Spark needs on Java 17 ({@code stream-job/jvm.options}).
 */
final class SparkHome {

  private SparkHome() {}

  /** The folder, made (or refreshed) now. */
  static Path of(StackSettings s, Runtimes runtimes) throws IOException {
    Path home = s.runtimesDir().resolve("spark-home");
    Path jars = home.resolve("jars");
    Files.createDirectories(jars);
    for (String entry : runtimes.classpath("spark").split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      Path link = jars.resolve(jar.getFileName());
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, jar);
      }
    }
    Path bin = home.resolve("bin");
    Files.createDirectories(bin);
    Path submit = bin.resolve("spark-submit");
    Files.writeString(submit, submitScript(s));
    Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }

  /**
   * spark-submit in client mode: the driver is this JVM, so {@code --driver-memory} becomes its
   * heap; SPARK_SUBMIT_OPTS adds JVM flags (the stack's process markers, logging).
   */
  private static String submitScript(StackSettings s) {
    return String.join(
        "\n",
        "#!/usr/bin/env bash",
        "# Written by ./pipeline (devstack's SparkHome): Spark's SparkSubmit on the jars beside it.",
        "set -euo pipefail",
        "SPARK_HOME=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")/..\" && pwd)\"",
        "heap=1g",
        "args=(\"$@\")",
        "for ((i = 0; i < ${#args[@]}; i++)); do",
        "  if [[ ${args[i]} == --driver-memory ]]; then heap=${args[i + 1]}; fi",
        "done",
        "exec java @" + s.repoRoot().resolve("stream-job/jvm.options") + " -Xmx\"$heap\" \\",
        "  ${SPARK_SUBMIT_OPTS:-} -cp \"$SPARK_HOME/jars/*\" org.apache.spark.deploy.SparkSubmit \"$@\"",
        "");
  }
}
