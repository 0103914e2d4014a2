package io.realtimestreaming.bench.stream;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

/**
 * How many writes a table has taken, from Cassandra's virtual table {@code
 * system_views.local_write_latency}: a counter read, where counting the rows would scan the table
 * and slow the very writer being measured. The bench's tables are its own, so every write counted
 * is the measured writer's.
 */
final class TableWrites {

  private final CqlSession session;
  private final PreparedStatement count;
  private final String keyspace;
  private final String table;

  TableWrites(CqlSession session, String keyspace, String table) {
    this.session = session;
    this.keyspace = keyspace;
    this.table = table;
    this.count =
        session.prepare(
            "SELECT count FROM system_views.local_write_latency"
                + " WHERE keyspace_name = ? AND table_name = ?");
  }

  long count() {
    Row row = session.execute(count.bind(keyspace, table)).one();
    return row == null ? 0 : row.getLong(0);
  }
}
