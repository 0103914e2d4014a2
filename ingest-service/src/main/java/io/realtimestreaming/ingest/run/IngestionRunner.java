package io.realtimestreaming.ingest.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.realtimestreaming.ingest.randomuser.PageQuery;
import io.realtimestreaming.ingest.randomuser.RandomUserClient;
import io.realtimestreaming.ingest.randomuser.RandomUserProperties;
import io.realtimestreaming.ingest.users.FetchedUser;
import io.realtimestreaming.model.UserContract;
import io.realtimestreaming.model.randomuser.MalformedUserException;
import io.realtimestreaming.model.randomuser.RandomUserMapper;
import io.realtimestreaming.model.randomuser.RandomUserPage;
import io.realtimestreaming.model.randomuser.RandomUserResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Executes a run on an ingestion thread: page by page, fetch from randomuser, map each record
 * (rejecting malformed ones one by one) and encode its event, store the page with {@link
 * PageWriter}. A page with fewer results than asked ends the run early: randomuser has no more. Any
 * failure that is not one record's (retries exhausted, malformed JSON, the database) ends the run
 * FAILED with its text.
 *
 * <p>Fetching and mapping page n+1 overlaps the storing of page n: while the ingestion thread
 * stores a page, the next one (one at most) is fetched and mapped on the prefetch pool. Pages are
 * still stored one by one, in order, each in its own transaction, and the next page is asked for
 * only once the current one is known to be full and not the last. A failed fetch fails the run when
 * its page's turn comes, after the pages before it are stored, as before. A run that ends early (a
 * failure, or the service stopping) cancels its pending fetch.
 */
@Component
class IngestionRunner {

  private static final Logger log = LoggerFactory.getLogger(IngestionRunner.class);

  private final RandomUserClient randomUser;
  private final AsyncTaskExecutor prefetcher;
  private final RandomUserMapper mapper = new RandomUserMapper();
  private final PageWriter pages;
  private final RunEndings endings;
  private final RandomUserProperties upstream;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Counter fetched;
  private final Counter duplicates;
  private final Counter stored;

  IngestionRunner(
      RandomUserClient randomUser,
      @Qualifier(RunExecutorConfig.PREFETCH_EXECUTOR) AsyncTaskExecutor prefetcher,
      PageWriter pages,
      RunEndings endings,
      RandomUserProperties upstream,
      Clock clock,
      MeterRegistry meters) {
    this.randomUser = randomUser;
    this.prefetcher = prefetcher;
    this.pages = pages;
    this.endings = endings;
    this.upstream = upstream;
    this.clock = clock;
    this.meters = meters;
    this.fetched = counter(meters, "ingest.users.fetched", "user records received from randomuser");
    this.duplicates =
        counter(meters, "ingest.users.duplicates", "records of a user the run already had");
    this.stored = counter(meters, "ingest.users.stored", "users written to PostgreSQL");
  }

  void execute(RunRequest run) {
    MDC.put("runId", run.id().toString());
    Future<FetchedPage> next = null;
    try {
      log.info(
          "run started: {} users, seed {}, nationalities {}",
          run.count(),
          run.seed(),
          run.nationalities());
      RunPaging paging = new RunPaging(run.count(), upstream.pageSize());
      int total = 0;
      next = prefetch(run, paging, 1);
      for (int page = 1; ; page++) {
        long waitStarted = System.nanoTime();
        FetchedPage fetchedPage = await(next, page);
        long storeStarted = System.nanoTime();
        // fetch and map the next page while this one is stored; a short or last page has no next
        next = fetchedPage.last() ? null : prefetch(run, paging, page + 1);
        int received = fetchedPage.received();
        PageWriter.PageCounts counts =
            pages.write(
                run.id(),
                received,
                fetchedPage.accepted(),
                fetchedPage.rejected(),
                fetchedPage.last());
        log.info(
            "page {} stored: {} fetched, {} stored, {} duplicates, {} rejected {}"
                + " (fetch {} ms, map {} ms, store {} ms, waited {} ms for the page)",
            page,
            received,
            counts.stored(),
            counts.duplicates(),
            counts.rejected(),
            fetchedPage.rejected(),
            fetchedPage.fetchMillis(),
            fetchedPage.mapMillis(),
            millis(storeStarted, System.nanoTime()),
            millis(waitStarted, storeStarted));
        fetched.increment(received);
        stored.increment(counts.stored());
        duplicates.increment(counts.duplicates());
        fetchedPage
            .rejected()
            .forEach(
                (rule, count) ->
                    meters.counter("ingest.users.rejected", "rule", rule.code()).increment(count));
        total += received;
        if (fetchedPage.shortPage()) {
          log.warn(
              "page {} answered {} of {} users: randomuser has no more, run ends at {}",
              page,
              received,
              fetchedPage.asked(),
              total);
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new IllegalStateException("the service stopped after page " + page);
        }
        if (fetchedPage.last()) {
          break;
        }
      }
      log.info("run succeeded: {} users fetched", total);
    } catch (RuntimeException | Error e) {
      // an Error too (a class missing, a stack overflow): the run must not stay RUNNING
      endings.fail(run.id(), e);
    } finally {
      if (next != null) {
        next.cancel(true); // the run ended early: stop fetching a page it will not store
      }
      MDC.remove("runId");
    }
  }

  /** Starts fetching and mapping {@code page} on the prefetch pool. */
  private Future<FetchedPage> prefetch(RunRequest run, RunPaging paging, int page) {
    String runId = run.id().toString();
    return prefetcher.submit(
        () -> {
          MDC.put("runId", runId);
          try {
            return fetchAndMap(run, paging, page);
          } finally {
            MDC.remove("runId");
          }
        });
  }

  private FetchedPage fetchAndMap(RunRequest run, RunPaging paging, int page) {
    int asked = paging.resultsOn(page);
    long started = System.nanoTime();
    RandomUserPage answer =
        randomUser.fetch(new PageQuery(run.seed(), page, asked, run.nationalities()));
    long fetchedAt = System.nanoTime();
    int received = Math.min(answer.results().size(), asked);
    boolean last = received < asked || page == paging.pages();
    Map<UserContract.Rule, Integer> rejected = new EnumMap<>(UserContract.Rule.class);
    List<FetchedUser> accepted =
        accept(run.id(), page, answer.results().subList(0, received), rejected);
    return new FetchedPage(
        asked,
        received,
        accepted,
        rejected,
        last,
        millis(started, fetchedAt),
        millis(fetchedAt, System.nanoTime()));
  }

  /**
   * The page fetched and mapped, or the failure that stopped it (thrown as it was, so the run fails
   * with its text, as if it had been fetched on this thread).
   */
  private static FetchedPage await(Future<FetchedPage> next, int page) {
    try {
      return next.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // fail() reads the flag: the service is stopping
      throw new IllegalStateException("interrupted while waiting for page " + page, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("page " + page + " could not be fetched: " + cause, cause);
    }
  }

  /**
   * Maps the page's results, skipping (and counting in {@code rejected}) the ones that break the
   * user contract. The log line names the rule and the field, not the value: a rejected value may
   * be personal data or hold line breaks.
   */
  private List<FetchedUser> accept(
      UUID runId,
      int page,
      List<RandomUserResult> results,
      Map<UserContract.Rule, Integer> rejected) {
    Instant now = clock.instant();
    List<FetchedUser> accepted = new ArrayList<>(results.size());
    for (int index = 0; index < results.size(); index++) {
      RandomUserResult result = results.get(index);
      try {
        accepted.add(new FetchedUser(mapper.toUser(result, runId, now), result.json()));
      } catch (MalformedUserException e) {
        rejected.merge(e.rule(), 1, Integer::sum);
        log.warn(
            "rejected record: run {} page {} index {} rule {} field {}",
            runId,
            page,
            index,
            e.rule().code(),
            e.field().isEmpty() ? "(record)" : e.field());
        log.debug(
            "rejected record: run {} page {} index {}: {}", runId, page, index, e.getMessage());
      }
    }
    return accepted;
  }

  /**
   * A page fetched and mapped, ready to store.
   *
   * @param asked users asked for
   * @param received users answered, at most {@code asked}
   * @param accepted the valid ones, mapped
   * @param rejected how many broke each rule of the user contract
   * @param last whether the run ends with this page (the last one, or a short one)
   */
  private record FetchedPage(
      int asked,
      int received,
      List<FetchedUser> accepted,
      Map<UserContract.Rule, Integer> rejected,
      boolean last,
      long fetchMillis,
      long mapMillis) {

    boolean shortPage() {
      return received < asked;
    }
  }

  private static long millis(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1_000_000;
  }

  private static Counter counter(MeterRegistry meters, String name, String description) {
    return Counter.builder(name).description(description).register(meters);
  }
}
