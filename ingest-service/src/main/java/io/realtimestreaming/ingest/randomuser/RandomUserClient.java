package io.realtimestreaming.ingest.randomuser;

import com.fasterxml.jackson.core.JacksonException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.realtimestreaming.model.randomuser.RandomUserPage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Fetches randomuser pages: one request per page, retried on 429, 5xx and timeouts with exponential
 * backoff and jitter, and paced by the service-wide rate budget.
 *
 * <p>The body is read as bytes and parsed by common-model's {@link RandomUserPage} (Jackson 2,
 * which its mapper works with; Boot 4's own converters are Jackson 3).
 */
public final class RandomUserClient {

  private static final Logger log = LoggerFactory.getLogger(RandomUserClient.class);

  private final RestClient rest;
  private final Retry retry;
  private final RateLimiter rateBudget;
  private final int maxPageBytes;
  private final Timer latency;

  RandomUserClient(
      RestClient rest,
      Retry retry,
      RateLimiter rateBudget,
      int maxPageBytes,
      MeterRegistry meters) {
    this.rest = rest;
    this.retry = retry;
    this.rateBudget = rateBudget;
    this.maxPageBytes = maxPageBytes;
    this.latency =
        Timer.builder("ingest.upstream.latency")
            .description("randomuser request latency, one sample per attempt")
            .publishPercentileHistogram()
            .register(meters);
    retry
        .getEventPublisher()
        .onRetry(
            e ->
                log.warn(
                    "randomuser attempt {} failed, retrying in {} ms: {}",
                    e.getNumberOfRetryAttempts(),
                    e.getWaitInterval().toMillis(),
                    e.getLastThrowable().getMessage()));
  }

  /**
   * Waits for rate budget, then fetches one page.
   *
   * @throws UpstreamException when the page cannot be had: retries exhausted, a non-retryable
   *     answer, malformed JSON, or no rate budget within its maximum wait
   */
  public RandomUserPage fetch(PageQuery query) {
    return retry.executeSupplier(
        () -> {
          takeBudget(query);
          return latency.record(() -> fetchOnce(query));
        });
  }

  private void takeBudget(PageQuery query) {
    if (!rateBudget.acquirePermission(query.results())) {
      throw UpstreamException.permanent(
          "no randomuser rate budget for "
              + query.results()
              + " users within "
              + rateBudget.getRateLimiterConfig().getTimeoutDuration()
              + "; raise ingest.randomuser.rate-budget.* or run fewer users at once",
          null);
    }
  }

  private RandomUserPage fetchOnce(PageQuery query) {
    byte[] body;
    try {
      body =
          rest.get()
              .uri(
                  uri -> {
                    uri.queryParam("results", query.results())
                        .queryParam("page", query.page())
                        .queryParam("seed", query.seed());
                    if (!query.nationalities().isEmpty()) {
                      uri.queryParam("nat", String.join(",", query.nationalities()));
                    }
                    return uri.build();
                  })
              .exchange(
                  (request, response) ->
                      check(
                          query,
                          response.getStatusCode().value(),
                          response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                          read(
                              response.getBody(),
                              response.getHeaders().getContentLength(),
                              maxPageBytes)));
    } catch (ResourceAccessException e) {
      throw UpstreamException.retryable(
          "randomuser page " + query.page() + " did not answer: " + e.getMessage(), e);
    }
    try {
      return RandomUserPage.parse(body);
    } catch (IOException e) {
      String reason = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
      // not quoted above DEBUG: the start of a page is a user record, personal data
      log.debug("randomuser page {} body that is not valid JSON: {}", query.page(), excerpt(body));
      throw UpstreamException.retryable(
          "randomuser page "
              + query.page()
              + " answered 200 with a body that is not valid JSON ("
              + reason
              + ") of "
              + body.length
              + " bytes",
          e);
    } catch (IllegalArgumentException e) {
      throw UpstreamException.retryable(
          "randomuser page " + query.page() + " answered 200 but no page: " + e.getMessage(), e);
    }
  }

  /**
   * The whole body, at most {@code cap} bytes: a page is megabytes, so with an announced length
   * (capped) it is read straight into one array of that size instead of 8 KB chunks copied whole.
   *
   * @throws UpstreamException (retryable) when the body is larger than {@code cap}
   */
  static byte[] read(InputStream in, long contentLength, int cap) throws IOException {
    long expected = contentLength < 0 ? 64 * 1024 : contentLength;
    byte[] body = new byte[(int) Math.max(1, Math.min(expected, (long) cap + 1))];
    int length = 0;
    while (true) {
      if (length == body.length) {
        if (length > cap) {
          throw UpstreamException.retryable(
              "randomuser answered a body of more than "
                  + cap
                  + " bytes (ingest.randomuser.max-page-bytes)",
              null);
        }
        body = Arrays.copyOf(body, (int) Math.min(2L * body.length, (long) cap + 1));
      }
      int read = in.read(body, length, body.length - length);
      if (read < 0) {
        return length == body.length ? body : Arrays.copyOf(body, length);
      }
      length += read;
    }
  }

  private static byte[] check(PageQuery query, int status, String retryAfter, byte[] body) {
    if (status == 200) {
      return body;
    }
    String message =
        "randomuser page " + query.page() + " answered HTTP " + status + ": " + excerpt(body);
    if (status == 429) {
      throw UpstreamException.retryableAfter(message, RetryAfter.parse(retryAfter));
    }
    if (status >= 500) {
      throw UpstreamException.retryable(message, null);
    }
    throw UpstreamException.permanent(message, null);
  }

  /** The start of a body, for an error text: control characters (line breaks) shown as '?'. */
  private static String excerpt(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8).strip();
    text = text.length() > 200 ? text.substring(0, 200) + "..." : text;
    return text.codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}
