package io.realtimestreaming.ingest.run;

import io.realtimestreaming.ingest.outbox.OutboxStore;
import io.realtimestreaming.ingest.users.FetchedUser;
import io.realtimestreaming.ingest.users.UpsertResult;
import io.realtimestreaming.ingest.users.UserStore;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores one page of a run in one transaction: the users (upserted), their events (one outbox row),
 * and the run's counters; on the run's last page also its SUCCEEDED status. Either all of it
 * commits or none: a user is never stored without its event, nor an event sent for a user not
 * stored.
 */
@Component
class PageWriter {

  private final UserStore users;
  private final OutboxStore outbox;
  private final IngestionRunRepository runs;
  private final Clock clock;

  PageWriter(UserStore users, OutboxStore outbox, IngestionRunRepository runs, Clock clock) {
    this.users = users;
    this.outbox = outbox;
    this.runs = runs;
    this.clock = clock;
  }

  @Transactional
  public UpsertResult write(UUID runId, int fetched, List<FetchedUser> accepted, boolean lastPage) {
    UserStore.Upserted upserted = users.upsert(accepted);
    outbox.append(runId, upserted.users());
    UpsertResult result = upserted.result();
    runs.addPageCounts(
        runId,
        fetched,
        result.stored(),
        result.duplicates(),
        fetched - accepted.size(),
        clock.instant());
    if (lastPage) {
      runs.finish(runId, RunStatus.SUCCEEDED, null, clock.instant());
    }
    return result;
  }
}
