package io.realtimestreaming.stream.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.stream.settings.CassandraTarget;
import io.realtimestreaming.testing.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class CassandraSchemaTests {

  final CassandraTarget target =
      new CassandraTarget(
          List.of("127.0.0.1:9042"), "datacenter1", "ks_it", "users_it", "ledger_it", "ONE", 8);

  @Test
  void theJarShipsTheRepositorysSchemaFile() throws IOException {
    String shipped =
        new String(
            CassandraSchema.class.getResourceAsStream(CassandraSchema.RESOURCE).readAllBytes());

    assertThat(shipped)
        .isEqualTo(Files.readString(RepositoryRoot.find().resolve("cassandra/schema.cql")));
  }

  @Test
  void aimsTheStatementsAtTheJobsKeyspaceAndTable() throws IOException {
    String cql = Files.readString(RepositoryRoot.find().resolve("cassandra/schema.cql"));

    List<String> statements = CassandraSchema.statements(cql, target, "");

    assertThat(statements).hasSize(4);
    assertThat(statements.get(0)).startsWith("CREATE KEYSPACE IF NOT EXISTS ks_it");
    assertThat(statements.get(1))
        .startsWith("CREATE TABLE IF NOT EXISTS ks_it.users_it")
        .contains("id uuid PRIMARY KEY", "processed_at timestamp", "version bigint");
    assertThat(statements.get(2))
        .startsWith("ALTER TABLE IF EXISTS ks_it.users_it ADD IF NOT EXISTS version bigint");
    assertThat(statements.get(3))
        .startsWith("CREATE TABLE IF NOT EXISTS ks_it.ledger_it")
        .contains("user_ids frozen<list<uuid>>", "PRIMARY KEY ((ingestion_run_id), outcome, pack)");
    assertThat(String.join(" ", statements))
        .doesNotContain("spark_streams", "created_users", "run_outcomes", "--");
  }

  @Test
  void replacesTheReplicationWhenGivenOne() {
    String cql =
        "CREATE KEYSPACE IF NOT EXISTS spark_streams WITH replication = {'class': 'SimpleStrategy',"
            + " 'replication_factor': 1};";

    List<String> statements =
        CassandraSchema.statements(
            cql, target, "{'class': 'NetworkTopologyStrategy', 'datacenter1': 3}");

    assertThat(statements)
        .containsExactly(
            "CREATE KEYSPACE IF NOT EXISTS ks_it WITH replication = {'class':"
                + " 'NetworkTopologyStrategy', 'datacenter1': 3}");
  }
}
