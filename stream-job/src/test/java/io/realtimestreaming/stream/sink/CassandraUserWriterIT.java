package io.realtimestreaming.stream.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.realtimestreaming.stream.StreamFixture;
import io.realtimestreaming.stream.TestUsers;
import io.realtimestreaming.stream.settings.CassandraTarget;
import io.realtimestreaming.testing.RealServices;
import io.realtimestreaming.testing.ServiceEndpoints;
import io.realtimestreaming.testing.ServiceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sink's writers on the sink's own session, as the tasks of one executor share it. */
@RealServices(ServiceKind.CASSANDRA)
class CassandraUserWriterIT {

  static final int TASKS = 3;
  static final int USERS_PER_TASK = 6_000;

  CqlSession cql;
  CassandraTarget target;

  @BeforeEach
  void table(ServiceEndpoints endpoints) {
    cql = StreamFixture.cqlSession(endpoints);
    target = StreamFixture.scratchTarget(endpoints, 4096);
    CassandraSchema.apply(cql, target, null, "");
  }

  @AfterEach
  void drop() {
    cql.execute("DROP TABLE IF EXISTS " + target.qualifiedTable());
    cql.close();
  }

  @Test
  void tasksAtTheHighestInFlightBoundShareTheSessionWithoutRunningOutOfConnections()
      throws Exception {
    CqlSession session = CassandraSessions.forTarget(target);
    ExecutorService tasks = Executors.newFixedThreadPool(TASKS);
    try {
      List<Future<Long>> written = new ArrayList<>();
      for (int t = 0; t < TASKS; t++) {
        int first = t * USERS_PER_TASK;
        written.add(
            tasks.submit(
                () -> {
                  CassandraUserWriter writer =
                      new CassandraUserWriter(session, target, Instant.now());
                  for (int i = first; i < first + USERS_PER_TASK; i++) {
                    writer.write(TestUsers.user(i));
                  }
                  return writer.awaitAll();
                }));
      }
      for (Future<Long> task : written) {
        assertThat(task.get()).isEqualTo(USERS_PER_TASK);
      }
    } finally {
      tasks.shutdownNow();
    }
    assertThat(cql.execute("SELECT count(*) FROM " + target.qualifiedTable()).one().getLong(0))
        .isEqualTo((long) TASKS * USERS_PER_TASK);
  }
}
