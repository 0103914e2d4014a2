package io.realtimestreaming.model.cql;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.testing.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class CqlScriptTests {

  @Test
  void splitsTheProjectSchemaIntoItsStatementsWithoutComments() throws IOException {
    List<String> statements = projectSchema().statements();

    assertThat(statements).hasSize(4);
    assertThat(statements.get(0))
        .startsWith("CREATE KEYSPACE IF NOT EXISTS spark_streams")
        .contains("'SimpleStrategy', 'replication_factor': 1");
    assertThat(statements.get(1))
        .startsWith("CREATE TABLE IF NOT EXISTS spark_streams.created_users");
    assertThat(statements.get(2))
        .startsWith("ALTER TABLE IF EXISTS spark_streams.created_users ADD IF NOT EXISTS version");
    assertThat(statements.get(3))
        .startsWith("CREATE TABLE IF NOT EXISTS spark_streams.run_outcomes");
    assertThat(statements).noneMatch(s -> s.contains("--"));
  }

  @Test
  void everyStatementOfTheProjectSchemaIsSafeToApplyTwice() throws IOException {
    // an ALTER of a table created before a column was added, too
    assertThat(projectSchema().statements()).allMatch(s -> s.contains("IF NOT EXISTS"));
  }

  @Test
  void theProjectsTableHasTheColumnsOfTheDesign() throws IOException {
    String table = projectSchema().statements().get(1);

    assertThat(table)
        .contains(
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
            "version bigint");
  }

  @Test
  void dropsEveryKindOfCommentButKeepsQuotedText() {
    String cql =
        """
        -- a line comment
        INSERT INTO ks.t (id, note) VALUES (1, 'a; -- b // c /* d */'); // after a statement
        /* a block
           comment; with a semicolon */ SELECT "odd;name" FROM ks.t WHERE note = 'it''s; here'
        """;

    assertThat(CqlScript.parse(cql).statements())
        .containsExactly(
            "INSERT INTO ks.t (id, note) VALUES (1, 'a; -- b // c /* d */')",
            "SELECT \"odd;name\" FROM ks.t WHERE note = 'it''s; here'");
  }

  @Test
  void aFileWithoutStatementsHasNone() {
    assertThat(CqlScript.parse("-- nothing here\n;\n  ;").statements()).isEmpty();
    assertThat(CqlScript.parse("-- no line break at the end").statements()).isEmpty();
  }

  @Test
  void replacesTheReplicationWhenOneIsGiven() throws IOException {
    String replication = "{'class': 'NetworkTopologyStrategy', 'datacenter1': 3}";

    String keyspace = projectSchema().withReplication(replication).statements().get(0);

    assertThat(keyspace).contains("replication = " + replication).doesNotContain("SimpleStrategy");
    assertThat(projectSchema().withReplication(" ").statements().get(0)).contains("SimpleStrategy");
  }

  @Test
  void renamesTheKeyspaceAndItsTablesAsWholeNames() {
    CqlScript script =
        CqlScript.parse(
            "CREATE KEYSPACE IF NOT EXISTS ks WITH replication = {'class': 'SimpleStrategy'};"
                + " CREATE TABLE ks.users (id uuid PRIMARY KEY, users_seen int);"
                + " CREATE TABLE ks.users_ledger (id uuid PRIMARY KEY)");

    assertThat(script.withKeyspace("ks", "ks_it").withTable("users", "users_it").statements())
        .containsExactly(
            "CREATE KEYSPACE IF NOT EXISTS ks_it WITH replication = {'class': 'SimpleStrategy'}",
            "CREATE TABLE ks_it.users_it (id uuid PRIMARY KEY, users_seen int)",
            "CREATE TABLE ks_it.users_ledger (id uuid PRIMARY KEY)");
  }

  private static CqlScript projectSchema() throws IOException {
    return CqlScript.parse(Files.readString(RepositoryRoot.find().resolve("cassandra/schema.cql")));
  }
}
