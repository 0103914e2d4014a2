package io.realtimestreaming.devstack.cql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CqlSchemaTests {

  private static final Path SCHEMA = Path.of("../cassandra/schema.cql");

  @Test
  void splitsTheProjectSchemaIntoItsStatementsWithoutComments() throws Exception {
    List<String> statements = CqlSchema.statements(Files.readString(SCHEMA), "");

    assertThat(statements).hasSize(4);
    assertThat(statements.get(0))
        .startsWith("CREATE KEYSPACE IF NOT EXISTS spark_streams")
        .contains("'SimpleStrategy', 'replication_factor': 1");
    assertThat(statements.get(1))
        .startsWith("CREATE TABLE IF NOT EXISTS spark_streams.created_users");
    assertThat(statements.get(2))
        .startsWith("ALTER TABLE IF EXISTS spark_streams.created_users ADD IF NOT EXISTS version");
    assertThat(statements.get(3)).startsWith("CREATE TABLE IF NOT EXISTS spark_streams.run_ledger");
    assertThat(statements).noneMatch(s -> s.contains("--"));
  }

  @Test
  void everyStatementIsSafeToApplyTwice() throws Exception {
    assertThat(CqlSchema.statements(Files.readString(SCHEMA), ""))
        .allMatch(s -> s.contains("IF NOT EXISTS"));
    // an ALTER of a table created before a column was added, too
  }

  @Test
  void tableHasTheColumnsOfTheDesign() throws Exception {
    String table = CqlSchema.statements(Files.readString(SCHEMA), "").get(1);

    for (String column :
        List.of(
            "id uuid PRIMARY KEY",
            "first_name text",
            "last_name text",
            "gender text",
            "address text",
            "post_code text",
            "email text",
            "username text",
            "dob timestamp",
            "registered_date timestamp",
            "phone text",
            "picture text",
            "nationality text",
            "ingestion_run_id uuid",
            "ingested_at timestamp",
            "processed_at timestamp",
            "version bigint")) {
      assertThat(table).contains(column);
    }
  }

  @Test
  void replacesTheReplicationWhenOneIsConfigured() throws Exception {
    String replication = "{'class': 'NetworkTopologyStrategy', 'datacenter1': 3}";

    String keyspace = CqlSchema.statements(Files.readString(SCHEMA), replication).get(0);

    assertThat(keyspace).contains("replication = " + replication).doesNotContain("SimpleStrategy");
  }
}
