package io.realtimestreaming.stream.sink;

import com.datastax.oss.driver.api.core.CqlSession;
import io.realtimestreaming.model.cql.CqlScript;
import io.realtimestreaming.stream.settings.CassandraTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the job's keyspace and tables from {@code cassandra/schema.cql} when they are missing.
 * Every statement there is {@code IF [NOT] EXISTS}, so applying it on each start changes nothing.
 *
 * <p>The file names the shared keyspace and tables ({@code spark_streams.created_users}, {@code
 * spark_streams.run_outcomes}); they are replaced by the job's own, so a job pointed at other
 * tables (a test's, say) gets the same columns. The build ships a copy of the file in the jar; a
 * path given explicitly wins.
 */
public final class CassandraSchema {

  /** Where the build puts the copy of {@code cassandra/schema.cql}. */
  public static final String RESOURCE = "/cassandra/schema.cql";

  static final String SHARED_KEYSPACE = "spark_streams";
  static final String SHARED_TABLE = "created_users";
  static final String SHARED_LEDGER_TABLE = "run_outcomes";

  private static final Logger LOG = LoggerFactory.getLogger(CassandraSchema.class);

  private CassandraSchema() {}

  /**
   * @param schemaFile the file to apply, or null for the copy in the jar
   * @param replication a CQL replication map replacing the file's, or blank to keep it
   */
  public static void apply(
      CqlSession session, CassandraTarget target, Path schemaFile, String replication) {
    String source = schemaFile == null ? "classpath:" + RESOURCE : schemaFile.toString();
    List<String> statements = statements(read(schemaFile), target, replication);
    for (String statement : statements) {
      session.execute(statement);
    }
    LOG.info(
        "Cassandra schema: {} statements of {} applied for {} (IF NOT EXISTS: existing tables are"
            + " left as they are)",
        statements.size(),
        source,
        target.qualifiedTable());
  }

  static List<String> statements(String cql, CassandraTarget target, String replication) {
    return CqlScript.parse(cql)
        .withKeyspace(SHARED_KEYSPACE, target.keyspace())
        .withTable(SHARED_TABLE, target.table())
        .withTable(SHARED_LEDGER_TABLE, target.ledgerTable())
        .withReplication(replication)
        .statements();
  }

  private static String read(Path schemaFile) {
    try {
      if (schemaFile != null) {
        return Files.readString(schemaFile);
      }
      try (InputStream in = CassandraSchema.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              RESOURCE + " is not in the jar: rebuild stream-job, or pass --schema-file");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Cassandra schema " + schemaFile, e);
    }
  }
}
