package io.realtimestreaming.stream.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CassandraTargetTests {

  @Test
  void normalizesTheConsistencyAndQualifiesTheTable() {
    CassandraTarget target =
        new CassandraTarget(
            List.of("10.0.0.1:9042"),
            "dc1",
            "spark_streams",
            "created_users",
            "run_outcomes",
            "local_quorum",
            512);

    assertThat(target.consistency()).isEqualTo("LOCAL_QUORUM");
    assertThat(target.qualifiedTable()).isEqualTo("spark_streams.created_users");
    assertThat(target.qualifiedLedgerTable()).isEqualTo("spark_streams.run_outcomes");
  }

  @Test
  void refusesWhatTheDriverCouldNotUseNamingTheSetting() {
    assertThatThrownBy(() -> target(List.of("10.0.0.1"), "t", "ONE", 1))
        .hasMessageContaining("not host:port");
    assertThatThrownBy(() -> target(List.of("h:9042"), "users; DROP TABLE x", "ONE", 1))
        .hasMessageContaining("table");
    assertThatThrownBy(() -> target(List.of("h:9042"), "t", "MOSTLY", 1))
        .hasMessageContaining("consistency 'MOSTLY'");
    assertThatThrownBy(() -> target(List.of("h:9042"), "t", "ONE", 0))
        .hasMessageContaining("in-flight");
  }

  private static CassandraTarget target(
      List<String> points, String table, String cl, int inFlight) {
    return new CassandraTarget(points, "dc1", "ks", table, "ledger", cl, inFlight);
  }
}
