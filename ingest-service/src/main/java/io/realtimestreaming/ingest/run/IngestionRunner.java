package io.realtimestreaming.ingest.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.realtimestreaming.ingest.randomuser.PageQuery;
import io.realtimestreaming.ingest.randomuser.RandomUserClient;
import io.realtimestreaming.ingest.randomuser.RandomUserProperties;
import io.realtimestreaming.ingest.users.FetchedUser;
import io.realtimestreaming.ingest.users.UpsertResult;
import io.realtimestreaming.model.randomuser.MalformedUserException;
import io.realtimestreaming.model.randomuser.RandomUserMapper;
import io.realtimestreaming.model.randomuser.RandomUserPage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Executes a run on an ingestion thread: page by page, fetch from randomuser, map each record
 * (rejecting malformed ones one by one), store the page with {@link PageWriter}. A page with fewer
 * results than asked ends the run early: randomuser has no more. Any failure that is not one
 * record's (retries exhausted, malformed JSON, the database) ends the run FAILED with its text.
 */
@Component
class IngestionRunner {

  private static final Logger log = LoggerFactory.getLogger(IngestionRunner.class);

  private final RandomUserClient randomUser;
  private final RandomUserMapper mapper = new RandomUserMapper();
  private final PageWriter pages;
  private final IngestionRunRepository runs;
  private final RandomUserProperties upstream;
  private final Clock clock;
  private final Counter fetched;
  private final Counter rejected;
  private final Counter stored;

  IngestionRunner(
      RandomUserClient randomUser,
      PageWriter pages,
      IngestionRunRepository runs,
      RandomUserProperties upstream,
      Clock clock,
      MeterRegistry meters) {
    this.randomUser = randomUser;
    this.pages = pages;
    this.runs = runs;
    this.upstream = upstream;
    this.clock = clock;
    this.fetched = counter(meters, "ingest.users.fetched", "user records received from randomuser");
    this.rejected = counter(meters, "ingest.users.rejected", "malformed user records skipped");
    this.stored =
        counter(meters, "ingest.users.stored", "users written to PostgreSQL, updates included");
  }

  void execute(RunRequest run) {
    MDC.put("runId", run.id().toString());
    try {
      log.info("run started: {} users, seed {}, nationalities {}", run.count(), run.seed(),
          run.nationalities());
      RunPaging paging = new RunPaging(run.count(), upstream.pageSize());
      int total = 0;
      for (int page = 1; page <= paging.pages(); page++) {
        int asked = paging.resultsOn(page);
        long started = System.nanoTime();
        RandomUserPage answer =
            randomUser.fetch(new PageQuery(run.seed(), page, asked, run.nationalities()));
        long fetchedAt = System.nanoTime();
        int received = Math.min(answer.results().size(), asked);
        boolean shortPage = received < asked;
        boolean last = shortPage || page == paging.pages();
        List<FetchedUser> accepted = accept(run.id(), page, answer.results().subList(0, received));
        long mappedAt = System.nanoTime();
        UpsertResult result = pages.write(run.id(), received, accepted, last);
        log.info(
            "page {} stored: {} fetched, {} stored, {} duplicates, {} rejected"
                + " (fetch {} ms, map {} ms, store {} ms)",
            page, received, result.stored(), result.duplicates(), received - accepted.size(),
            millis(started, fetchedAt), millis(fetchedAt, mappedAt), millis(mappedAt, System.nanoTime()));
        fetched.increment(received);
        rejected.increment(received - accepted.size());
        stored.increment(accepted.size());
        total += received;
        if (shortPage) {
          log.warn("page {} answered {} of {} users: randomuser has no more, run ends at {}",
              page, received, asked, total);
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new IllegalStateException("the service stopped after page " + page);
        }
        if (last) {
          break;
        }
      }
      log.info("run succeeded: {} users fetched", total);
    } catch (RuntimeException e) {
      fail(run.id(), e);
    } finally {
      MDC.remove("runId");
    }
  }

  private List<FetchedUser> accept(UUID runId, int page, List<JsonNode> results) {
    Instant now = clock.instant();
    List<FetchedUser> accepted = new ArrayList<>(results.size());
    for (int index = 0; index < results.size(); index++) {
      try {
        JsonNode record = results.get(index);
        accepted.add(new FetchedUser(mapper.toUser(record, runId, now), record.toString()));
      } catch (MalformedUserException e) {
        log.warn("rejected record: run {} page {} index {} reason {}: {}", runId, page, index,
            e.reason().code(), e.getMessage());
      }
    }
    return accepted;
  }

  private void fail(UUID runId, RuntimeException e) {
    // a stopping service interrupts the run; clear the flag so the FAILED status can be written
    boolean interrupted = Thread.interrupted();
    String error = interrupted ? "the service stopped during the run: " + e.getMessage() : e.getMessage();
    log.error("run failed: {}", error, e);
    try {
      runs.finish(runId, RunStatus.FAILED, error, clock.instant());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static long millis(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1_000_000;
  }

  private static Counter counter(MeterRegistry meters, String name, String description) {
    return Counter.builder(name).description(description).register(meters);
  }
}
