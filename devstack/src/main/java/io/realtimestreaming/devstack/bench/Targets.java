package io.realtimestreaming.devstack.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The targets, checked against a run's figures; a target whose phases did not run is left
 * out.
 */
final class Targets {

  static final double STREAM_VS_CASSANDRA = 0.8;
  static final double INGEST_VS_POSTGRES = 0.6;
  static final long P99_LIMIT_MILLIS = 1000;

  private Targets() {}

  static List<TargetCheck> evaluate(
      Throughput rawPostgresBatch,
      Throughput rawCassandra,
      Throughput ingest,
      Throughput stream,
      LatencySummary offered) {
    List<TargetCheck> checks = new ArrayList<>();
    if (stream != null && rawCassandra != null) {
      checks.add(
          TargetCheck.ratio(
              "stream ≥ 0.8× raw Cassandra", stream, rawCassandra, STREAM_VS_CASSANDRA));
    }
    if (ingest != null && rawPostgresBatch != null) {
      checks.add(
          TargetCheck.ratio(
              "ingest ≥ 0.6× raw PostgreSQL batched insert",
              ingest,
              rawPostgresBatch,
              INGEST_VS_POSTGRES));
    }
    if (offered != null) {
      checks.add(
          TargetCheck.atMost(
              "p99 ≤ 1 s at 1,000 users/s", "p99", offered.p99Millis(), P99_LIMIT_MILLIS));
    }
    return checks;
  }
}
