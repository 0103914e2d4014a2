package io.realtimestreaming.devstack.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

/**
 * How many writes created_users has taken, from Cassandra's virtual table {@code
 * system_views.local_write_latency}: a counter read, where counting a run's rows would scan the
 * table (it is keyed by user id) and slow the very sink being measured. It counts every writer's
 * writes, so the bench reads differences, and confirms the rows one by one at the end.
 */
final class CassandraWrites {

  private final CqlSession session;
  private final PreparedStatement count;

  CassandraWrites(CqlSession session) {
    this.session = session;
    this.count =
        session.prepare(
            "SELECT count FROM system_views.local_write_latency WHERE keyspace_name = 'spark_streams'"
                + " AND table_name = 'created_users'");
  }

  long count() {
    Row row = session.execute(count.bind()).one();
    return row == null ? 0 : row.getLong(0);
  }
}
