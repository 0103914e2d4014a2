package io.realtimestreaming.stream.sink;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.realtimestreaming.model.User;
import java.time.Instant;

/**
 * The prepared INSERT of one user row. An INSERT in Cassandra is an upsert, so writing a user
 * again (a retried batch, a replayed offset) leaves one row with the latest values: the statement
 * is idempotent, which lets the driver retry it.
 */
final class UserUpsert {

  static final String COLUMNS =
      "id, first_name, last_name, gender, address, post_code, email, username, dob,"
          + " registered_date, phone, picture, nationality, ingestion_run_id, ingested_at,"
          + " processed_at";

  private final PreparedStatement prepared;
  private final ConsistencyLevel consistency;

  private UserUpsert(PreparedStatement prepared, ConsistencyLevel consistency) {
    this.prepared = prepared;
    this.consistency = consistency;
  }

  /** Prepares the statement (the driver caches it per session, so this is cheap per task). */
  static UserUpsert prepare(CqlSession session, CassandraTarget target) {
    return new UserUpsert(
        session.prepare(SimpleStatement.newInstance(cql(target))), target.consistencyLevel());
  }

  static String cql(CassandraTarget target) {
    return "INSERT INTO " + target.qualifiedTable() + " (" + COLUMNS + ") VALUES ("
        + "?, ".repeat(15) + "?)";
  }

  BoundStatement bind(User u, Instant processedAt) {
    return prepared
        .boundStatementBuilder(
            u.id(), u.firstName(), u.lastName(), u.gender(), u.address(), u.postCode(), u.email(),
            u.username(), u.dob(), u.registeredDate(), u.phone(), u.picture(), u.nationality(),
            u.ingestionRunId(), u.ingestedAt(), processedAt)
        .setConsistencyLevel(consistency)
        .setIdempotence(true)
        .build();
  }
}
