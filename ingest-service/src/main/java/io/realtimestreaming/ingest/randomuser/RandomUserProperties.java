package io.realtimestreaming.ingest.randomuser;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service talks to randomuser ({@code ingest.randomuser.*}).
 *
 * @param baseUrl the API version's root, e.g. {@code https://randomuser.me/api/1.4/}
 * @param pageSize users asked per request; randomuser answers at most 5000
 * @param connectTimeout TCP connect timeout
 * @param readTimeout how long one request may take before it counts as a timeout (and is retried)
 * @param retry backoff for 429, 5xx, timeouts and 200s that are no page
 * @param rateBudget how many users the whole service may fetch per period
 * @param maxPageBytes the largest response body read; a larger one is treated as a failed attempt
 *     (5,000 real users are about 6 MB)
 */
@ConfigurationProperties("ingest.randomuser")
public record RandomUserProperties(
    @DefaultValue("https://randomuser.me/api/1.4/") URI baseUrl,
    @DefaultValue("5000") int pageSize,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout,
    @DefaultValue Retry retry,
    @DefaultValue RateBudget rateBudget,
    @DefaultValue("67108864") int maxPageBytes) {

  /** randomuser's own cap on {@code results}. */
  public static final int MAX_PAGE_SIZE = 5000;

  /** The largest {@code max-page-bytes}: a body is read into one Java array. */
  public static final int MAX_PAGE_BYTES = 1 << 30;

  public RandomUserProperties {
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "ingest.randomuser.page-size="
              + pageSize
              + " must be 1.."
              + MAX_PAGE_SIZE
              + " (randomuser answers at most "
              + MAX_PAGE_SIZE
              + " results a request)");
    }
    if (maxPageBytes < 1 || maxPageBytes > MAX_PAGE_BYTES) {
      throw new IllegalArgumentException(
          "ingest.randomuser.max-page-bytes="
              + maxPageBytes
              + " must be 1.."
              + MAX_PAGE_BYTES
              + " (a body is read into one array)");
    }
    if (rateBudget.users() < pageSize) {
      throw new IllegalArgumentException(
          "ingest.randomuser.rate-budget.users="
              + rateBudget.users()
              + " is below page-size="
              + pageSize
              + ": no page could ever be fetched");
    }
  }

  /**
   * Exponential backoff with jitter: attempt n waits about {@code initialBackoff *
   * multiplier^(n-1)} (capped at {@code maxBackoff}), randomized by ±{@code jitter}.
   *
   * @param maxAttempts attempts per page, the first included
   * @param retryAfterCap the longest {@code Retry-After} honoured
   */
  public record Retry(
      @DefaultValue("5") int maxAttempts,
      @DefaultValue("500ms") Duration initialBackoff,
      @DefaultValue("2.0") double multiplier,
      @DefaultValue("0.5") double jitter,
      @DefaultValue("30s") Duration maxBackoff,
      @DefaultValue("5m") Duration retryAfterCap) {}

  /**
   * The upstream's rate limit, as a budget of users per period. randomuser.me allows about 20,000
   * users per 5 minutes; the devstack's offline source has no limit, so its config raises this.
   *
   * @param maxWait how long a run waits for budget before it fails; longer than {@code period}, so
   *     a large run spreads over several periods instead of failing
   */
  public record RateBudget(
      @DefaultValue("20000") int users,
      @DefaultValue("5m") Duration period,
      @DefaultValue("15m") Duration maxWait) {}
}
