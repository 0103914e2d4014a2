package io.realtimestreaming.bench.raw;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.realtimestreaming.model.User;
import io.realtimestreaming.stream.settings.CassandraTarget;
import io.realtimestreaming.stream.sink.CassandraSchema;
import io.realtimestreaming.stream.sink.CassandraSessions;
import io.realtimestreaming.stream.sink.CassandraUserWriter;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Cassandra's own write rate for user rows, the ceiling the stream job is compared with: the sink's
 * own writer ({@link CassandraUserWriter}: the prepared INSERT {@code USING TIMESTAMP} the user's
 * version, bound as the sink binds it, its in-flight bound per task), on the sink's own session
 * (CassandraSessions: its connections and retry policy), from as many threads as the job runs tasks
 * at once. What the job adds on top (Kafka, Spark, decoding, the run ledger) is what the ratio
 * measures.
 *
 * <p>The table is created from cassandra/schema.cql under another name, the way the job creates its
 * own, and dropped on close.
 */
public final class RawCassandra implements AutoCloseable {

  public static final String NAME = "raw Cassandra (the sink's writer)";

  private final CassandraTarget target;
  private final CqlSession session;

  /**
   * @param target where to write: the sink's settings, a scratch table
   * @param replication a replication map replacing schema.cql's, or blank
   */
  public RawCassandra(CassandraTarget target, String replication) {
    this.target = target;
    this.session = CassandraSessions.forTarget(target);
    CassandraSchema.apply(session, target, null, replication);
  }

  /**
   * Writes the users, a share per task on a thread each, every task with its own writer as a Spark
   * task has; answers rows/s.
   */
  public double write(List<User> users, int tasks, PrintStream out) throws Exception {
    int share = (users.size() + tasks - 1) / tasks;
    try (ProgressTicker progress = new ProgressTicker(NAME, users.size(), out)) {
      return Parallel.rate(
          users.size(),
          tasks,
          i -> {
            CassandraUserWriter writer = new CassandraUserWriter(session, target, Instant.now());
            List<User> mine =
                users.subList(
                    Math.min(users.size(), i * share), Math.min(users.size(), (i + 1) * share));
            for (User user : mine) {
              writer.write(user); // waits while the writer's bound of writes is in flight
              progress.done().incrementAndGet();
            }
            writer.awaitAll();
          });
    }
  }

  @Override
  public void close() {
    for (String table : List.of(target.qualifiedTable(), target.qualifiedLedgerTable())) {
      session.execute(
          SimpleStatement.newInstance("DROP TABLE IF EXISTS " + table)
              .setTimeout(Duration.ofSeconds(60)));
    }
  }
}
