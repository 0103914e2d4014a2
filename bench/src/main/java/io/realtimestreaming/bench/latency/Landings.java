package io.realtimestreaming.bench.latency;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.realtimestreaming.model.ingest.IngestClient;
import io.realtimestreaming.model.ingest.RunReport;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * When each user of some runs landed: the stream job's run ledger says, per pack of users, when the
 * job had the writes of their rows acknowledged by Cassandra ({@code recorded_at}, stamped by the
 * sink once the writes it records are acknowledged: the rows are readable by then at the latest).
 * Read once the runs are over, one ledger partition per run, so nothing polls Cassandra while the
 * load is measured.
 */
final class Landings {

  /**
   * @param stored users the run stored (and so should land), -1 if it never ended
   * @param landedMillis when each landed user landed, epoch ms
   */
  record Run(long stored, Map<UUID, Long> landedMillis) {}

  private final CqlSession session;
  private final PreparedStatement landed;

  Landings(CqlSession session, String keyspace, String ledgerTable) {
    this.session = session;
    this.landed =
        session.prepare(
            "SELECT user_ids, recorded_at FROM "
                + keyspace
                + "."
                + ledgerTable
                + " WHERE ingestion_run_id = ? AND outcome = 'landed'");
  }

  /**
   * Waits until every run has ended and each user it stored has landed, or until {@code
   * deadlineMillis}; answers what landed by then.
   */
  Map<UUID, Run> await(IngestClient api, List<UUID> runs, long deadlineMillis, PrintStream out)
      throws InterruptedException {
    Map<UUID, Run> complete = new HashMap<>();
    Map<UUID, Run> latest = new HashMap<>();
    while (true) {
      for (UUID id : runs) {
        if (complete.containsKey(id)) {
          continue;
        }
        RunReport report = api.run(id);
        Run run = new Run(report.finished() ? report.stored() : -1, read(id));
        latest.put(id, run);
        if (run.stored() >= 0 && run.landedMillis().size() >= run.stored()) {
          complete.put(id, run);
        }
      }
      if (complete.size() == runs.size() || System.currentTimeMillis() > deadlineMillis) {
        out.printf("  %,d of %,d runs landed whole%n", complete.size(), runs.size());
        return latest;
      }
      Thread.sleep(500);
    }
  }

  private Map<UUID, Long> read(UUID run) {
    Map<UUID, Long> times = new HashMap<>();
    for (Row pack : session.execute(landed.bind(run))) {
      long at = pack.getInstant(1).toEpochMilli();
      for (UUID user : pack.getList(0, UUID.class)) {
        // a user that landed at two versions (or in a pack written again) keeps the first
        times.merge(user, at, Math::min);
      }
    }
    return times;
  }
}
