package io.realtimestreaming.stream;

import io.realtimestreaming.stream.batch.BatchOutcomes;
import io.realtimestreaming.stream.batch.BatchProgressLog;
import io.realtimestreaming.stream.batch.RealTimeWriter;
import io.realtimestreaming.stream.batch.UserBatchSink;
import io.realtimestreaming.stream.checkpoint.LocalCheckpointFiles;
import io.realtimestreaming.stream.decode.KafkaRecord;
import io.realtimestreaming.stream.health.JobStatus;
import io.realtimestreaming.stream.health.QuerySupervisor;
import io.realtimestreaming.stream.health.TaskSlots;
import io.realtimestreaming.stream.lag.ConsumerGroupOffsets;
import io.realtimestreaming.stream.settings.StreamOptions;
import io.realtimestreaming.stream.settings.StreamSettings;
import io.realtimestreaming.stream.sink.CassandraSchema;
import io.realtimestreaming.stream.sink.CassandraSessions;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamReader;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import picocli.CommandLine;

/**
 * Streams the users published to Kafka into Cassandra: every user on topic {@code users_created}
 * lands in {@code spark_streams.created_users} once in effect, through restarts and outages.
 *
 * <p>In Spark's real-time mode (the default: long-running batches checkpointed every 15 s, each
 * record written as it arrives) or per micro-batch (the cluster topology's, where executors have
 * fewer cores than the topic has partitions), it reads the topic from the last committed offsets,
 * decodes each record (Confluent wire format: the writer schema is fetched from the registry by its
 * id and resolved against the reader schema of common-model, so older and newer compatible records
 * decode), validates it, keeps the latest record of each user, and upserts those rows with the
 * Cassandra Java driver (prepared, idempotent, async with a bounded number in flight). Poison
 * records (not Confluent-framed, unknown schema id, undecodable, invalid) go to the dead-letter
 * topic with their original key and value and headers {@code dlq.reason}, {@code dlq.detail},
 * {@code dlq.source.topic}, {@code dlq.source.partition} and {@code dlq.source.offset}; the job
 * goes on. If Cassandra, Kafka or the registry fails, the batch fails, the checkpoint does not
 * advance, and the job restarts its query (pausing 2 s, doubling up to 30 s) and runs the batch
 * again: nothing is lost, and repeated writes collapse by key. On start it creates the keyspace and
 * table from {@code cassandra/schema.cql} when they are missing.
 *
 * <p>Usage: {@code UserStreamJob [--flag value]...}. Every flag has an environment variable and a
 * development default; {@code --help} lists them. stream-job/README.md shows how to run the job in
 * local mode and with {@code spark-submit}, and explains its settings.
 */
public final class UserStreamJob {

  /** The streaming query's name, in the Spark UI and the log. */
  public static final String QUERY_NAME = "users-to-cassandra";

  /**
   * The master when none is given: a task slot per partition of {@code users_created} (3), even on
   * 2 cores. A micro-batch has a task per Kafka partition, and a task without a slot of its own
   * runs alone after the others, lengthening every batch; tasks spend much of their time waiting on
   * Cassandra, so the extra slot costs little (docs/benchmarks.md, Stream). A topic with more
   * partitions wants as many slots.
   */
  public static final String LOCAL_MASTER = "local[3]";

  private static final String FETCH_MAX_WAIT_MS = "10";

  private UserStreamJob() {}

  public static void main(String[] args) {
    if (StreamOptions.asksForHelp(args)) {
      System.out.println(StreamOptions.usage());
      return;
    }
    StreamSettings settings;
    try {
      settings = StreamOptions.parse(args);
    } catch (CommandLine.ParameterException | IllegalArgumentException e) {
      System.err.println("stream-job: " + e.getMessage());
      System.err.println(StreamOptions.usage());
      System.exit(1);
      return;
    }

    SparkSession spark =
        SparkSession.builder().appName("stream-job").master(masterOf(settings)).getOrCreate();
    JobStatus status = new JobStatus(settings.statusFile());

    try {
      new QuerySupervisor(
              () -> start(spark, settings, status),
              status,
              settings.checkpointDir(),
              settings.bootstrapServers(),
              settings.failOnDataLoss(),
              spark.sparkContext().hadoopConfiguration())
          .runUntilStopped();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      spark.stop();
    }
  }

  /** Creates the table if asked to, then starts the query: source, transform, sink. */
  public static StreamingQuery start(SparkSession spark, StreamSettings settings)
      throws TimeoutException {
    return start(spark, settings, new JobStatus(null));
  }

  /** As {@link #start(SparkSession, StreamSettings)}, reporting committed batches to status. */
  static StreamingQuery start(SparkSession spark, StreamSettings settings, JobStatus status)
      throws TimeoutException {
    for (StreamingQueryListener listener : spark.streams().listListeners()) {
      spark.streams().removeListener(listener); // a restarted query gets a fresh log
      if (listener instanceof ConsumerGroupOffsets offsets) {
        offsets.close();
      }
    }
    if (settings.createSchema()) {
      CassandraSchema.apply(
          CassandraSessions.forTarget(settings.cassandra()),
          settings.cassandra(),
          settings.schemaFile(),
          settings.cassandraReplication());
    }

    LocalCheckpointFiles.useFor(spark, settings.checkpointDir());
    if (settings.realTime()) {
      TaskSlots.requireOnePerPartition(
          spark.sparkContext(), settings.topic(), settings.bootstrapServers());
    }

    // Source: the topic's records (key, value, topic, partition, offset, timestamp) from the
    // checkpoint on
    DataStreamReader source =
        spark
            .readStream()
            .format("kafka")
            .option("kafka.bootstrap.servers", settings.bootstrapServers())
            .option("subscribe", settings.topic())
            .option("startingOffsets", settings.startingOffsets())
            // an event's run and version travel as headers: the ledger counts a dead letter on its
            // run even when its value cannot be decoded
            .option("includeHeaders", "true")
            .option("failOnDataLoss", settings.failOnDataLoss());
    if (!settings.realTime()) {
      source =
          source
              .option("maxOffsetsPerTrigger", settings.maxOffsetsPerTrigger())
              // A micro-batch task reads an offset range that is already in the log, so a fetch has
              // nothing to wait for; with Kafka's default (500 ms) a fetch that reached the end of
              // a partition held each task, and so each micro-batch, for up to half a second. In
              // real-time mode a fetch returns as soon as a record arrives, whatever the wait, and
              // the default wait keeps idle tasks from polling in a loop.
              .option("kafka.fetch.max.wait.ms", FETCH_MAX_WAIT_MS);
    }
    Dataset<Row> records = source.load().select(KafkaRecord.columns());

    // Sink: each record decoded with its writer schema and validated, the user upserted at its
    // version, poison records to the DLQ; per micro-batch and Kafka partition (the latest record of
    // each user), or in real-time mode record by record as it arrives
    BatchOutcomes outcomes = new BatchOutcomes();
    spark.streams().addListener(new BatchProgressLog(QUERY_NAME, outcomes, status));
    settings
        .consumerGroupName()
        .ifPresent(
            group ->
                spark
                    .streams()
                    .addListener(
                        new ConsumerGroupOffsets(QUERY_NAME, group, settings.bootstrapServers())));
    DataStreamWriter<Row> sink =
        records
            .writeStream()
            .queryName(QUERY_NAME)
            .option("checkpointLocation", settings.checkpointDir())
            .trigger(settings.trigger());
    return settings.realTime()
        ? sink.outputMode("update")
            .foreach(
                new RealTimeWriter(
                    settings.registryUrl(), settings.cassandra(), settings.deadLetters()))
            .start()
        : sink.foreachBatch(
                new UserBatchSink(
                    spark,
                    QUERY_NAME,
                    settings.registryUrl(),
                    settings.cassandra(),
                    settings.deadLetters(),
                    outcomes))
            .start();
  }

  /**
   * spark-submit's {@code --master} wins; then {@code --master}/SPARK_MASTER; then {@link
   * #LOCAL_MASTER}.
   */
  private static String masterOf(StreamSettings settings) {
    SparkConf submitted = new SparkConf();
    return submitted.contains("spark.master")
        ? submitted.get("spark.master")
        : settings.sparkMaster().orElse(LOCAL_MASTER);
  }
}
