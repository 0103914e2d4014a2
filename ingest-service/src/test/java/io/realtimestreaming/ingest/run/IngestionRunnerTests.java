package io.realtimestreaming.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.realtimestreaming.ingest.randomuser.PageQuery;
import io.realtimestreaming.ingest.randomuser.RandomUserBodies;
import io.realtimestreaming.ingest.randomuser.RandomUserClient;
import io.realtimestreaming.ingest.randomuser.RandomUserProperties;
import io.realtimestreaming.ingest.users.FetchedUser;
import io.realtimestreaming.model.UserContract;
import io.realtimestreaming.model.randomuser.RandomUserPage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The runner with a stubbed randomuser client and page writer, pages of 5: pages are stored in
 * order with exact counts while the next one is fetched, and a failure or a stop still ends the run
 * as before.
 */
class IngestionRunnerTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final UUID RUN = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private static final String SEED = "prefetch";

  private final RandomUserClient randomUser = mock(RandomUserClient.class);
  private final PageWriter pages = mock(PageWriter.class);
  private final IngestionRunRepository runs = mock(IngestionRunRepository.class);
  private final ThreadPoolTaskExecutor prefetcher = new ThreadPoolTaskExecutor();
  private final IngestionRunner runner;

  IngestionRunnerTests() {
    prefetcher.setCorePoolSize(1);
    prefetcher.setMaxPoolSize(1);
    prefetcher.setThreadNamePrefix("test-prefetch-");
    prefetcher.initialize();
    RandomUserProperties upstream =
        new RandomUserProperties(
            URI.create("http://randomuser.invalid/api/1.4/"),
            5,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            new RandomUserProperties.Retry(
                1, Duration.ofMillis(1), 2.0, 0.5, Duration.ofMillis(1), Duration.ofMillis(1)),
            new RandomUserProperties.RateBudget(5, Duration.ofMinutes(1), Duration.ofMinutes(1)),
            1 << 20);
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    RunProperties properties = new RunProperties(1, 1, "test", Duration.ofMinutes(30), 1);
    runner =
        new IngestionRunner(
            randomUser,
            prefetcher,
            pages,
            new RunEndings(runs, properties, clock),
            upstream,
            clock,
            new SimpleMeterRegistry());
    when(pages.write(any(), anyInt(), anyList(), anyMap(), anyBoolean()))
        .thenAnswer(call -> stored(call.getArgument(1), call.getArgument(2)));
  }

  @AfterEach
  void stopPrefetcher() {
    prefetcher.shutdown();
  }

  @Test
  void storesThePagesInOrderWithExactCountsWhileTheNextIsFetched() throws Exception {
    answer(1, 5, RandomUserBodies.page(SEED, 1, 5));
    answer(3, 2, RandomUserBodies.page(SEED, 3, 2));
    CountDownLatch page2Asked = new CountDownLatch(1);
    when(randomUser.fetch(query(2, 5)))
        .thenAnswer(
            call -> {
              page2Asked.countDown();
              return page(RandomUserBodies.pageWithoutUuidAt(SEED, 2, 5, 3));
            });
    // page 1's store waits for page 2's fetch: they overlap, or this store never ends
    when(pages.write(eq(RUN), eq(5), argThat(users -> users.size() == 5), anyMap(), eq(false)))
        .thenAnswer(
            call -> {
              assertThat(page2Asked.await(10, TimeUnit.SECONDS))
                  .as("page 2 fetched while page 1 is stored")
                  .isTrue();
              return stored(call.getArgument(1), call.getArgument(2));
            });

    runner.execute(request(12));

    InOrder order = inOrder(pages);
    order
        .verify(pages)
        .write(eq(RUN), eq(5), argThat(users -> users.size() == 5), anyMap(), eq(false));
    order
        .verify(pages)
        .write(eq(RUN), eq(5), argThat(users -> users.size() == 4), anyMap(), eq(false));
    order
        .verify(pages)
        .write(eq(RUN), eq(2), argThat(users -> users.size() == 2), anyMap(), eq(true));
    order.verifyNoMoreInteractions();
    verify(randomUser).fetch(query(3, 2));
    verify(runs, never()).finish(any(), any(), any(), any());
  }

  @Test
  void eachUserGoesToStoreWithItsRecordAsReceived() throws Exception {
    String body = RandomUserBodies.page(SEED, 1, 3);
    answer(1, 5, body);

    runner.execute(request(5));

    ArgumentCaptor<List<FetchedUser>> written = ArgumentCaptor.captor();
    verify(pages).write(eq(RUN), eq(3), written.capture(), anyMap(), eq(true));
    List<FetchedUser> users = written.getValue();
    assertThat(users).hasSize(3);
    for (int i = 0; i < users.size(); i++) {
      FetchedUser user = users.get(i);
      assertThat(JSON.readTree(user.rawJson()))
          .isEqualTo(JSON.readTree(body).path("results").get(i));
      assertThat(user.user().ingestionRunId()).isEqualTo(RUN);
    }
  }

  @Test
  void recordsThatBreakTheContractAreCountedByRuleAndTheRestStored() {
    answer(1, 5, RandomUserBodies.pageWithoutUuidAt(SEED, 1, 5, 3));

    runner.execute(request(5));

    verify(pages)
        .write(
            eq(RUN),
            eq(5),
            argThat(users -> users.size() == 4),
            eq(Map.of(UserContract.Rule.MISSING_FIELD, 1)),
            eq(true));
    verify(runs, never()).finish(any(), any(), any(), any());
  }

  @Test
  void anErrorEndsTheRunFailedRatherThanLeavingItRunning() {
    when(randomUser.fetch(query(1, 5))).thenThrow(new StackOverflowError("deep"));

    runner.execute(request(5));

    verify(runs).finish(eq(RUN), eq(RunStatus.FAILED), eq("deep"), any());
  }

  @Test
  void aFailedFetchOfTheNextPageFailsTheRunAfterThisPageIsStored() {
    answer(1, 5, RandomUserBodies.page(SEED, 1, 5));
    when(randomUser.fetch(query(2, 5)))
        .thenThrow(new IllegalStateException("randomuser page 2 is not valid JSON: eof"));

    runner.execute(request(10));

    InOrder order = inOrder(pages, runs);
    order
        .verify(pages)
        .write(eq(RUN), eq(5), argThat(users -> users.size() == 5), anyMap(), eq(false));
    order
        .verify(runs)
        .finish(
            eq(RUN), eq(RunStatus.FAILED), eq("randomuser page 2 is not valid JSON: eof"), any());
    order.verifyNoMoreInteractions();
  }

  @Test
  void aShortPageEndsTheRunWithoutAskingForTheNext() {
    answer(1, 5, RandomUserBodies.page(SEED, 1, 3));

    runner.execute(request(15));

    verify(pages).write(eq(RUN), eq(3), argThat(users -> users.size() == 3), anyMap(), eq(true));
    verify(randomUser, never()).fetch(query(2, 5));
    verify(runs, never()).finish(any(), any(), any(), any());
  }

  @Test
  void aStopWhileWaitingForAPageFailsTheRunAndCancelsTheFetch() throws Exception {
    answer(1, 5, RandomUserBodies.page(SEED, 1, 5));
    CountDownLatch fetching = new CountDownLatch(1);
    CountDownLatch fetchInterrupted = new CountDownLatch(1);
    when(randomUser.fetch(query(2, 5)))
        .thenAnswer(
            call -> {
              fetching.countDown();
              try {
                Thread.sleep(60_000); // an upstream that does not answer
              } catch (InterruptedException e) {
                fetchInterrupted.countDown();
              }
              throw new IllegalStateException("page 2 fetch interrupted");
            });
    Thread runThread = new Thread(() -> runner.execute(request(10)), "test-ingestion");
    runThread.start();
    assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();

    runThread.interrupt(); // what the ingestion pool does on shutdown
    runThread.join(10_000);

    assertThat(runThread.isAlive()).isFalse();
    verify(pages).write(eq(RUN), eq(5), anyList(), anyMap(), eq(false));
    verify(runs, timeout(1000))
        .finish(
            eq(RUN), eq(RunStatus.FAILED), startsWith("the service stopped during the run"), any());
    assertThat(fetchInterrupted.await(10, TimeUnit.SECONDS)).as("page 2 fetch cancelled").isTrue();
  }

  /** Stubs the answer to page {@code page} when {@code asked} users are asked for. */
  private void answer(int page, int asked, String body) {
    when(randomUser.fetch(query(page, asked))).thenReturn(page(body));
  }

  private static PageQuery query(int page, int results) {
    return new PageQuery(SEED, page, results, List.of());
  }

  private static RunRequest request(int count) {
    return new RunRequest(RUN, count, SEED, List.of());
  }

  private static RandomUserPage page(String body) {
    try {
      return RandomUserPage.parse(body.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static PageWriter.PageCounts stored(int fetched, List<FetchedUser> users) {
    return new PageWriter.PageCounts(fetched, users.size(), 0, fetched - users.size());
  }
}
