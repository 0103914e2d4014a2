package io.realtimestreaming.stream.settings;

import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line of the job. Every flag falls back to an environment variable, then to the
 * development default; {@code --help} lists them.
 */
@Command(
    name = "stream-job",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Kafka users_created -> Cassandra spark_streams.created_users (Spark Structured Streaming).")
public final class StreamOptions {

  @Option(
      names = "--bootstrap-servers",
      defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
      description =
          "Kafka bootstrap servers (env KAFKA_BOOTSTRAP_SERVERS, default ${DEFAULT-VALUE})")
  String bootstrapServers;

  @Option(
      names = "--topic",
      defaultValue = "${env:STREAM_TOPIC:-users_created}",
      description = "topic to read (env STREAM_TOPIC, default ${DEFAULT-VALUE})")
  String topic;

  @Option(
      names = "--registry-url",
      defaultValue = "${env:SCHEMA_REGISTRY_URL:-http://127.0.0.1:8081/apis/ccompat/v7}",
      description =
          "Confluent-compatible schema registry (env SCHEMA_REGISTRY_URL, default ${DEFAULT-VALUE})")
  String registryUrl;

  @Option(
      names = "--dlq-topic",
      defaultValue = "${env:STREAM_DLQ_TOPIC:-users_created.dlq}",
      description =
          "dead-letter topic for poison records (env STREAM_DLQ_TOPIC, default ${DEFAULT-VALUE})")
  String dlqTopic;

  @Option(
      names = "--cassandra-contact-points",
      defaultValue = "${env:CASSANDRA_CONTACT_POINTS:-127.0.0.1:9042}",
      description =
          "host:port[,host:port...] (env CASSANDRA_CONTACT_POINTS, default ${DEFAULT-VALUE})")
  String contactPoints;

  @Option(
      names = "--cassandra-local-dc",
      defaultValue = "${env:CASSANDRA_LOCAL_DC:-datacenter1}",
      description =
          "the driver's local data center (env CASSANDRA_LOCAL_DC, default ${DEFAULT-VALUE})")
  String localDatacenter;

  @Option(
      names = "--cassandra-keyspace",
      defaultValue = "${env:CASSANDRA_KEYSPACE:-spark_streams}",
      description = "(env CASSANDRA_KEYSPACE, default ${DEFAULT-VALUE})")
  String keyspace;

  @Option(
      names = "--cassandra-table",
      defaultValue = "${env:CASSANDRA_TABLE:-created_users}",
      description = "(env CASSANDRA_TABLE, default ${DEFAULT-VALUE})")
  String table;

  @Option(
      names = "--cassandra-ledger-table",
      defaultValue = "${env:CASSANDRA_LEDGER_TABLE:-run_outcomes}",
      description =
          "the per-run ledger of landed and dead-lettered events (env CASSANDRA_LEDGER_TABLE,"
              + " default ${DEFAULT-VALUE})")
  String ledgerTable;

  @Option(
      names = "--cassandra-consistency",
      defaultValue = "${env:CASSANDRA_CONSISTENCY:-" + CassandraTarget.DEFAULT_CONSISTENCY + "}",
      description = "write consistency level (env CASSANDRA_CONSISTENCY, default ${DEFAULT-VALUE})")
  String consistency;

  @Option(
      names = "--cassandra-max-in-flight",
      defaultValue =
          "${env:CASSANDRA_MAX_IN_FLIGHT:-" + CassandraTarget.DEFAULT_MAX_IN_FLIGHT + "}",
      description =
          "async writes one task keeps outstanding (env CASSANDRA_MAX_IN_FLIGHT, default ${DEFAULT-VALUE})")
  int maxInFlight;

  @Option(
      names = "--schema-file",
      defaultValue = "${env:CASSANDRA_SCHEMA_FILE}",
      description =
          "CQL creating keyspace and table (env CASSANDRA_SCHEMA_FILE, default: the copy of cassandra/schema.cql in the jar)")
  Path schemaFile;

  @Option(
      names = "--create-schema",
      negatable = true,
      defaultValue = "${env:STREAM_CREATE_SCHEMA:-true}",
      fallbackValue = "true",
      description =
          "create keyspace and table when missing (env STREAM_CREATE_SCHEMA, default ${DEFAULT-VALUE})")
  boolean createSchema;

  @Option(
      names = "--cassandra-replication",
      defaultValue = "${env:PIPELINE_CASSANDRA_REPLICATION:-}",
      description =
          "replication map replacing schema.cql's, e.g. \"{'class': 'NetworkTopologyStrategy', 'datacenter1': 3}\" (env PIPELINE_CASSANDRA_REPLICATION)")
  String replication;

  @Option(
      names = "--checkpoint-dir",
      defaultValue = "${env:STREAM_CHECKPOINT_DIR:-.local/checkpoints/stream-job}",
      description =
          "offsets and commits; a shared file system (HDFS, S3, NFS) on a cluster (env STREAM_CHECKPOINT_DIR, default ${DEFAULT-VALUE})")
  String checkpointDir;

  @Option(
      names = "--trigger",
      defaultValue = "${env:STREAM_TRIGGER:-real-time}",
      description =
          "real-time (Spark's real-time mode: long-running batches, each record written as it"
              + " arrives; needs a task slot per Kafka partition) or micro-batch (env STREAM_TRIGGER,"
              + " default ${DEFAULT-VALUE})")
  String trigger;

  @Option(
      names = "--trigger-interval",
      defaultValue = "${env:STREAM_TRIGGER_INTERVAL}",
      description =
          "micro-batch: the interval between batches (default "
              + StreamSettings.MICRO_BATCH_INTERVAL
              + "); real-time: how long a batch runs before its offsets are checkpointed (default "
              + StreamSettings.REAL_TIME_INTERVAL
              + ") (env STREAM_TRIGGER_INTERVAL)")
  String triggerInterval;

  @Option(
      names = "--max-offsets-per-trigger",
      defaultValue = "${env:STREAM_MAX_OFFSETS_PER_TRIGGER:-20000}",
      description =
          "records per micro-batch at most (env STREAM_MAX_OFFSETS_PER_TRIGGER, default ${DEFAULT-VALUE})")
  long maxOffsetsPerTrigger;

  @Option(
      names = "--starting-offsets",
      defaultValue = "${env:STREAM_STARTING_OFFSETS:-earliest}",
      description =
          "earliest, latest or Spark's JSON; only for a fresh checkpoint (env STREAM_STARTING_OFFSETS, default ${DEFAULT-VALUE})")
  String startingOffsets;

  @Option(
      names = "--fail-on-data-loss",
      negatable = true,
      defaultValue = "${env:STREAM_FAIL_ON_DATA_LOSS:-true}",
      fallbackValue = "true",
      description =
          "stop, and say so, when the checkpoint's offsets are gone from Kafka; --no-fail-on-data-loss"
              + " skips what is lost (then reconcile the runs) (env STREAM_FAIL_ON_DATA_LOSS,"
              + " default ${DEFAULT-VALUE})")
  boolean failOnDataLoss;

  @Option(
      names = "--status-file",
      defaultValue = "${env:STREAM_STATUS_FILE}",
      description =
          "where the job writes its state (running, restarting, failed, with the reason) as JSON"
              + " (env STREAM_STATUS_FILE, default none)")
  Path statusFile;

  @Option(
      names = "--consumer-group",
      defaultValue = "${env:STREAM_CONSUMER_GROUP:-stream-job}",
      description =
          "the Kafka consumer group the job commits its processed offsets to after each batch, so"
              + " that kafka-consumer-groups and Control Center show its lag; blank: none. The"
              + " checkpoint stays the source of truth (env STREAM_CONSUMER_GROUP, default"
              + " ${DEFAULT-VALUE})")
  String consumerGroup;

  @Option(
      names = "--master",
      defaultValue = "${env:SPARK_MASTER}",
      description =
          "Spark master when not set by spark-submit (env SPARK_MASTER, default local[3])")
  String master;

  /**
   * Parses the command line. A flag given twice takes its last value, so that a wrapper script can
   * append overrides.
   *
   * @throws CommandLine.ParameterException for an unknown flag or a value of the wrong type
   * @throws IllegalArgumentException for a value the job cannot use
   */
  public static StreamSettings parse(String... args) {
    StreamOptions options = new StreamOptions();
    new CommandLine(options).setOverwrittenOptionsAllowed(true).parseArgs(args);
    return options.toSettings();
  }

  /** The usage text, for {@code --help} and errors. */
  public static String usage() {
    return new CommandLine(new StreamOptions()).getUsageMessage();
  }

  /** True when {@code --help} or {@code --version} was asked for. */
  public static boolean asksForHelp(String... args) {
    return Arrays.stream(args)
        .anyMatch(
            a -> a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version"));
  }

  StreamSettings toSettings() {
    CassandraTarget cassandra =
        new CassandraTarget(
            Arrays.stream(contactPoints.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList(),
            localDatacenter,
            keyspace,
            table,
            ledgerTable,
            consistency,
            maxInFlight);
    return new StreamSettings(
        bootstrapServers,
        topic,
        registryUrl,
        dlqTopic,
        cassandra,
        schemaFile,
        createSchema,
        replication,
        checkpointDir,
        StreamSettings.realTime(trigger),
        triggerInterval,
        maxOffsetsPerTrigger,
        startingOffsets,
        failOnDataLoss,
        statusFile,
        consumerGroup,
        master);
  }
}
