package io.realtimestreaming.devstack.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import io.realtimestreaming.devstack.cql.CqlSessions;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.PrintStream;

/** The stores measured alone, with the pipeline's row shapes: PostgreSQL, Kafka, Cassandra. */
final class RawPhases {

  /**
   * @param postgresDurability e.g. "fsync=off, synchronous_commit=off"
   */
  record Result(
      Throughput postgresBatch,
      Throughput postgresCopy,
      ProducerPerformanceSummary kafkaSummary,
      Throughput kafka,
      Throughput cassandra,
      String postgresDurability) {}

  private final StackSettings settings;
  private final PrintStream out;

  RawPhases(StackSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  Result run(BenchPlan plan, String id) throws Exception {
    String scratch = "bench_users_" + id.replace('-', '_');
    out.printf("== generating %,d user rows in memory (not timed)%n", plan.users());
    String randomUser =
        "http://" + settings.host() + ":" + settings.port("randomuser") + "/api/1.4/";
    BenchUsers users = BenchUsers.generate(randomUser, plan.users());
    // each store's first writes also warm up this JVM's code: a pass of other rows goes first
    BenchUsers warmUp = users.others(plan.warmUpUsers());

    out.printf("%n== raw PostgreSQL: %,d rows into %s%n", plan.users(), scratch);
    Throughput batch;
    Throughput copy;
    String durability;
    try (RawPostgres postgres = new RawPostgres(settings, scratch, out)) {
      durability = postgres.durability();
      out.println("  PostgreSQL runs with " + durability);
      postgres.batchedInsert(warmUp, "warm-up, not counted");
      batch = report(postgres.batchedInsert(users, "raw PostgreSQL batched insert"));
      postgres.copy(warmUp, "warm-up, not counted");
      copy = report(postgres.copy(users, "raw PostgreSQL COPY"));
    }

    out.printf(
        "%n== raw Kafka: ProducerPerformance, %,d records of %d bytes%n",
        plan.users(), plan.recordSize());
    ProducerPerformanceSummary summary =
        new RawKafka(settings, out).produce("bench_produce_" + id, plan.users(), plan.recordSize());
    Throughput kafka =
        report(
            new Throughput(
                "raw Kafka produce",
                summary.records(),
                summary.records() / summary.recordsPerSecond()));

    out.printf(
        "%n== raw Cassandra: %,d async inserts into spark_streams.%s%n", plan.users(), scratch);
    Throughput cassandra;
    try (CqlSession session = CqlSessions.open(settings);
        RawCassandra raw = new RawCassandra(session, scratch, out)) {
      raw.write(warmUp, "warm-up, not counted");
      CassandraCompactions.awaitNone(session, out);
      cassandra = report(raw.write(users, "raw Cassandra async insert"));
    }
    return new Result(batch, copy, summary, kafka, cassandra, durability);
  }

  private Throughput report(Throughput t) {
    out.printf(
        "  %s: %,d rows in %.1f s = %,.0f rows/s%n",
        t.name(), t.rows(), t.seconds(), t.rowsPerSecond());
    return t;
  }
}
