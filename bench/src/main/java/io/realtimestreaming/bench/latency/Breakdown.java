package io.realtimestreaming.bench.latency;

import io.realtimestreaming.bench.app.Scratch;
import io.realtimestreaming.bench.report.LatencySummary;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Where the latency of the landed users went, stage by stage: request → its run committed in
 * PostgreSQL (the run's {@code finished_at}, stamped in its one page's transaction just before the
 * commit), → the event handed to Kafka (the record's timestamp, stamped as the relay sends), → the
 * row's write acknowledged by Cassandra. Percentiles of each stage on their own: they do not add up
 * to the total's.
 */
final class Breakdown {

  private final long[] toCommit;
  private final long[] toKafka;
  private final long[] toLanded;

  private Breakdown(long[] toCommit, long[] toKafka, long[] toLanded) {
    this.toCommit = toCommit;
    this.toKafka = toKafka;
    this.toLanded = toLanded;
  }

  static Breakdown of(
      StackSettings s,
      Scratch scratch,
      List<OfferedLoad.Request> requests,
      Map<UUID, Landings.Run> landed)
      throws SQLException {
    Map<UUID, Long> committed = committed(s, scratch, landed.keySet());
    Map<UUID, Long> sent = KafkaTimes.read(s, scratch.topic("latency"));
    List<long[]> stages = new ArrayList<>();
    for (OfferedLoad.Request request : requests) {
      Landings.Run run = request.runId() == null ? null : landed.get(request.runId());
      Long commit = run == null ? null : committed.get(request.runId());
      if (commit == null) {
        continue;
      }
      run.landedMillis()
          .forEach(
              (user, at) -> {
                Long kafka = sent.get(user);
                if (kafka != null) {
                  stages.add(
                      new long[] {commit - request.scheduledMillis(), kafka - commit, at - kafka});
                }
              });
    }
    return new Breakdown(
        stages.stream().mapToLong(x -> x[0]).toArray(),
        stages.stream().mapToLong(x -> x[1]).toArray(),
        stages.stream().mapToLong(x -> x[2]).toArray());
  }

  String describe() {
    if (toCommit.length == 0) {
      return "no landed user to break down";
    }
    return String.format(
        Locale.ROOT,
        "request → run committed in PostgreSQL %s; → event handed to Kafka %s; → row acknowledged"
            + " in Cassandra %s (each stage's own percentiles, over %,d users)",
        stage(toCommit),
        stage(toKafka),
        stage(toLanded),
        toCommit.length);
  }

  private static String stage(long[] values) {
    LatencySummary s = LatencySummary.of("", "", "", values, 0);
    return String.format(Locale.ROOT, "p50 %,d ms, p99 %,d ms", s.p50Millis(), s.p99Millis());
  }

  private static Map<UUID, Long> committed(
      StackSettings s, Scratch scratch, java.util.Set<UUID> runs) throws SQLException {
    Map<UUID, Long> committed = new HashMap<>();
    try (Connection c =
            DriverManager.getConnection(
                s.jdbcUrl(s.postgresDatabase()), s.postgresUser(), s.postgresPassword());
        PreparedStatement ps =
            c.prepareStatement(
                "select id, finished_at from "
                    + scratch.schema()
                    + ".ingestion_runs where id = any(?) and finished_at is not null")) {
      ps.setArray(1, c.createArrayOf("uuid", runs.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          committed.put(
              rs.getObject(1, UUID.class),
              rs.getObject(2, OffsetDateTime.class).toInstant().toEpochMilli());
        }
      }
    }
    return committed;
  }
}
