package io.realtimestreaming.stream;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of the test JVM, local[3] like the job's default: started once (a few seconds)
 * and shared by every integration test class, which start their own queries on it.
 */
public final class TestSpark {

  private TestSpark() {}

  public static SparkSession session() {
    return SparkSession.builder()
        .master(UserStreamJob.LOCAL_MASTER)
        .appName("stream-job-it")
        // several engineers' tests share the machine: no UI port to fight over
        .config("spark.ui.enabled", false)
        .getOrCreate();
  }
}
