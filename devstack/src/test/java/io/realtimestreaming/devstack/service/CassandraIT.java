package io.realtimestreaming.devstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.realtimestreaming.testing.RealServices;
import io.realtimestreaming.testing.ServiceEndpoints;
import io.realtimestreaming.testing.ServiceKind;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@RealServices(ServiceKind.CASSANDRA)
class CassandraIT {

  @Test
  void aUserRowIsWrittenAndReadBackFromTheProjectTable(ServiceEndpoints endpoints) {
    UUID id = UUID.randomUUID();
    Instant dob = Instant.parse("1993-07-20T09:44:18.674Z");
    try (CqlSession session =
        CqlSession.builder()
            .addContactPoint(
                new InetSocketAddress(endpoints.cassandraHost(), endpoints.cassandraPort()))
            .withLocalDatacenter(endpoints.cassandraLocalDatacenter())
            .build()) {
      session.execute(
          session
              .prepare(
                  "INSERT INTO spark_streams.created_users (id, first_name, post_code, dob, processed_at) VALUES (?, ?, ?, ?, ?)")
              .bind(id, "هستی", "SW1A 1AA", dob, Instant.now().truncatedTo(ChronoUnit.MILLIS)));

      Row row =
          session
              .execute(
                  session
                      .prepare(
                          "SELECT first_name, post_code, dob FROM spark_streams.created_users WHERE id = ?")
                      .bind(id))
              .one();

      assertThat(row).isNotNull();
      assertThat(row.getString("first_name")).isEqualTo("هستی");
      assertThat(row.getString("post_code")).isEqualTo("SW1A 1AA");
      assertThat(row.getInstant("dob")).isEqualTo(dob);
      session.execute(
          session.prepare("DELETE FROM spark_streams.created_users WHERE id = ?").bind(id));
    }
  }
}
