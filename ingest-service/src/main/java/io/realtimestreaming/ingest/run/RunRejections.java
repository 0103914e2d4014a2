package io.realtimestreaming.ingest.run;

import io.realtimestreaming.model.UserContract;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code ingestion_run_rejections}: a run's rejected records, counted by the rule they broke. */
@Repository
public class RunRejections {

  private final JdbcTemplate jdbc;

  RunRejections(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a page's rejections to its run's; call in the page's transaction. */
  void add(UUID runId, Map<UserContract.Rule, Integer> rejected) {
    List<Map.Entry<UserContract.Rule, Integer>> counts =
        rejected.entrySet().stream().filter(e -> e.getValue() > 0).toList();
    jdbc.batchUpdate(
        """
        insert into ingestion_run_rejections (run_id, reason, count) values (?, ?, ?)
        on conflict (run_id, reason)
        do update set count = ingestion_run_rejections.count + excluded.count
        """,
        counts,
        counts.size(),
        (ps, entry) -> {
          ps.setObject(1, runId);
          ps.setString(2, entry.getKey().code());
          ps.setInt(3, entry.getValue());
        });
  }

  /** The run's rejections by rule code, in code order. */
  public Map<String, Integer> of(UUID runId) {
    Map<String, Integer> byReason = new TreeMap<>();
    jdbc.query(
        "select reason, count from ingestion_run_rejections where run_id = ?",
        rs -> {
          byReason.put(rs.getString(1), rs.getInt(2));
        },
        runId);
    return byReason;
  }
}
