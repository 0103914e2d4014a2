package io.realtimestreaming.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.realtimestreaming.model.User;
import io.realtimestreaming.stream.settings.StreamSettings;
import io.realtimestreaming.stream.sink.CassandraSchema;
import io.realtimestreaming.testing.RealServices;
import io.realtimestreaming.testing.ServiceEndpoints;
import io.realtimestreaming.testing.ServiceKind;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cassandra unreachable: the batch fails and commits nothing; the job restarted from the same
 * checkpoint with Cassandra reachable writes every record.
 */
@RealServices({ServiceKind.KAFKA, ServiceKind.REGISTRY, ServiceKind.CASSANDRA})
class CassandraOutageIT {

  final SparkSession spark = TestSpark.session();
  StreamFixture fixture;
  StreamingQuery query;

  @BeforeEach
  void fixture(ServiceEndpoints endpoints) throws Exception {
    fixture = new StreamFixture(endpoints);
  }

  @AfterEach
  void stop() throws Exception {
    if (query != null) {
      query.stop();
    }
    fixture.close();
  }

  @Test
  void aBatchThatCannotReachCassandraFailsAndTheRestartedJobCatchesUp() throws Exception {
    List<User> users = IntStream.range(0, 120).mapToObj(TestUsers::user).toList();
    fixture.send(users);
    StreamSettings reachable = fixture.settings();
    CassandraSchema.apply(fixture.cql(), reachable.cassandra(), null, "");
    // port 1: nothing listens there, so every connection is refused at once
    StreamSettings unreachable =
        fixture.settings("--cassandra-contact-points", "127.0.0.1:1", "--no-create-schema");

    query = UserStreamJob.start(spark, unreachable);

    assertThatThrownBy(() -> query.awaitTermination(120_000))
        .isInstanceOf(StreamingQueryException.class)
        .hasStackTraceContaining("127.0.0.1:1");
    assertThat(fixture.rows()).isEmpty();
    assertThat(fixture.checkpointDir.resolve("commits/0")).doesNotExist();
    assertThat(fixture.checkpointDir.resolve("offsets/0")).exists(); // planned, not committed

    query = UserStreamJob.start(spark, reachable);

    await().atMost(Duration.ofSeconds(90)).until(() -> fixture.rows().size() == users.size());
    var rows = fixture.rows();
    users.forEach(u -> assertThat(StreamFixture.user(rows.get(u.id()))).isEqualTo(u));
  }
}
