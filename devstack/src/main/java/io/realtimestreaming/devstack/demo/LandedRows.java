package io.realtimestreaming.devstack.demo;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import java.util.UUID;

/**
 * What of a run has reached Cassandra. The table is keyed by user id, so finding a run's rows is a
 * filtered scan: fine for a demo's thousands of rows, not a production query.
 */
public final class LandedRows {

  private final CqlSession session;
  private final PreparedStatement count;
  private final PreparedStatement sample;

  public LandedRows(CqlSession session) {
    this.session = session;
    this.count =
        session.prepare(
            "SELECT count(*) FROM spark_streams.created_users WHERE ingestion_run_id = ? ALLOW FILTERING");
    this.sample =
        session.prepare(
            "SELECT id, first_name, last_name, email, nationality, post_code, processed_at"
                + " FROM spark_streams.created_users WHERE ingestion_run_id = ? LIMIT ? ALLOW FILTERING");
  }

  public long count(UUID runId) {
    return session.execute(count.bind(runId)).one().getLong(0);
  }

  public ResultSet sample(UUID runId, int rows) {
    return session.execute(sample.bind(runId, rows));
  }
}
