package io.realtimestreaming.ingest.randomuser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.RetryConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RandomUserConfigTests {

  private static final RandomUserProperties.Retry RETRY =
      new RandomUserProperties.Retry(
          6, Duration.ofMillis(500), 2.0, 0.5, Duration.ofSeconds(3), Duration.ofSeconds(60));

  @Test
  void backsOffExponentiallyWithJitterUpToTheCap() {
    RetryConfig config = RandomUserConfig.retry(RETRY).getRetryConfig();
    IntervalBiFunction<Object> interval = config.getIntervalBiFunction();

    for (int attempt = 1; attempt <= 3; attempt++) {
      long base = (long) (500 * Math.pow(2, attempt - 1));
      for (int sample = 0; sample < 50; sample++) {
        assertThat(interval.apply(attempt, null))
            .isBetween((long) (base * 0.5), (long) (base * 1.5));
      }
    }
    for (int sample = 0; sample < 50; sample++) {
      assertThat(interval.apply(6, null)).isLessThanOrEqualTo(3000);
    }
    assertThat(config.getMaxAttempts()).isEqualTo(6);
  }

  @Test
  void waitsAtLeastWhatA429sRetryAfterAsksUpToTheCap() {
    IntervalBiFunction<Object> interval =
        RandomUserConfig.retry(RETRY).getRetryConfig().getIntervalBiFunction();
    UpstreamException tenSeconds =
        UpstreamException.retryableAfter("429", Optional.of(Duration.ofSeconds(10)));
    UpstreamException anHour =
        UpstreamException.retryableAfter("429", Optional.of(Duration.ofHours(1)));
    UpstreamException unsaid = UpstreamException.retryableAfter("429", Optional.empty());

    assertThat(interval.apply(1, Either.left(tenSeconds))).isEqualTo(10_000);
    assertThat(interval.apply(1, Either.left(anHour))).isEqualTo(60_000);
    assertThat(interval.apply(1, Either.left(unsaid))).isBetween(250L, 750L);
  }

  @Test
  void retriesOnlyWhatMayHelp() {
    RetryConfig config = RandomUserConfig.retry(RETRY).getRetryConfig();

    assertThat(config.getExceptionPredicate().test(UpstreamException.retryable("429", null)))
        .isTrue();
    assertThat(config.getExceptionPredicate().test(UpstreamException.permanent("bad json", null)))
        .isFalse();
    assertThat(config.getExceptionPredicate().test(new IllegalStateException())).isFalse();
  }

  @Test
  void rateBudgetIsUsersPerPeriod() {
    RateLimiterConfig config =
        RandomUserConfig.rateLimiter(
                properties(
                    5000,
                    new RandomUserProperties.RateBudget(
                        20_000, Duration.ofMinutes(5), Duration.ofMinutes(15))))
            .getRateLimiterConfig();

    assertThat(config.getLimitForPeriod()).isEqualTo(20_000);
    assertThat(config.getLimitRefreshPeriod()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.getTimeoutDuration()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void rejectsPagesRandomUserWouldNotServe() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                properties(
                    5001,
                    new RandomUserProperties.RateBudget(
                        20_000, Duration.ofMinutes(5), Duration.ofMinutes(15))))
        .withMessageContaining("page-size=5001");
  }

  @Test
  void rejectsABudgetSmallerThanAPage() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                properties(
                    5000,
                    new RandomUserProperties.RateBudget(
                        1000, Duration.ofMinutes(5), Duration.ofMinutes(15))))
        .withMessageContaining("rate-budget.users=1000");
  }

  @Test
  void rejectsAPageCapNoArrayCouldHold() {
    RandomUserProperties.RateBudget budget =
        new RandomUserProperties.RateBudget(20_000, Duration.ofMinutes(5), Duration.ofMinutes(15));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> properties(5000, budget, Integer.MAX_VALUE))
        .withMessageContaining("max-page-bytes=" + Integer.MAX_VALUE);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> properties(5000, budget, 0))
        .withMessageContaining("max-page-bytes=0");
    assertThat(properties(5000, budget, RandomUserProperties.MAX_PAGE_BYTES).maxPageBytes())
        .isEqualTo(1 << 30);
  }

  private static RandomUserProperties properties(
      int pageSize, RandomUserProperties.RateBudget budget) {
    return properties(pageSize, budget, 1 << 20);
  }

  private static RandomUserProperties properties(
      int pageSize, RandomUserProperties.RateBudget budget, int maxPageBytes) {
    return new RandomUserProperties(
        URI.create("http://127.0.0.1:1/api/1.4/"),
        pageSize,
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        RETRY,
        budget,
        maxPageBytes);
  }
}
