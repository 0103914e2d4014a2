package io.realtimestreaming.ingest.run;

import io.realtimestreaming.ingest.outbox.OutboxStore;
import io.realtimestreaming.ingest.users.FetchedUser;
import io.realtimestreaming.ingest.users.UserStore;
import io.realtimestreaming.model.User;
import io.realtimestreaming.model.UserContract;
import io.realtimestreaming.model.wire.UserWireCodec;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores one page of a run in one transaction: the users (upserted, each with its new version),
 * their events (encoded with those versions, one outbox row), and the run's counters; on the run's
 * last page also its SUCCEEDED status. Either all of it commits or none: a user is never stored
 * without its event, nor an event sent for a user not stored.
 */
@Component
class PageWriter {

  private final UserStore users;
  private final OutboxStore outbox;
  private final UserWireCodec codec;
  private final IngestionRunRepository runs;
  private final RunRejections rejections;
  private final Clock clock;

  PageWriter(
      UserStore users,
      OutboxStore outbox,
      UserWireCodec codec,
      IngestionRunRepository runs,
      RunRejections rejections,
      Clock clock) {
    this.users = users;
    this.outbox = outbox;
    this.codec = codec;
    this.runs = runs;
    this.rejections = rejections;
    this.clock = clock;
  }

  /**
   * @param fetched records the page answered
   * @param accepted the valid ones, mapped
   * @param rejected how many records broke each rule of the contract
   */
  @Transactional
  public PageCounts write(
      UUID runId,
      int fetched,
      List<FetchedUser> accepted,
      Map<UserContract.Rule, Integer> rejected,
      boolean lastPage) {
    UserStore.Upserted upserted = users.upsert(accepted);
    List<User> written = upserted.written();
    outbox.append(runId, written, codec.encodeAll(written));
    int rejectedCount = rejected.values().stream().mapToInt(Integer::intValue).sum();
    runs.addPageCounts(
        runId, fetched, written.size(), upserted.duplicates(), rejectedCount, clock.instant());
    rejections.add(runId, rejected);
    if (lastPage) {
      runs.finish(runId, RunStatus.SUCCEEDED, null, clock.instant());
    }
    return new PageCounts(fetched, written.size(), upserted.duplicates(), rejectedCount);
  }

  /**
   * What a page added to its run: {@code fetched = stored + duplicates + rejected}.
   *
   * @param stored users written (new to the run), each with one event
   * @param duplicates records of a user the run already had
   * @param rejected records that broke the user contract
   */
  record PageCounts(int fetched, int stored, int duplicates, int rejected) {}
}
