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
  private final Timer latency;

  RandomUserClient(RestClient rest, Retry retry, RateLimiter rateBudget, MeterRegistry meters) {
    this.rest = rest;
    this.retry = retry;
    this.rateBudget = rateBudget;
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
    if (!rateBudget.acquirePermission(query.results())) {
      throw UpstreamException.permanent(
          "no randomuser rate budget for "
              + query.results()
              + " users within "
              + rateBudget.getRateLimiterConfig().getTimeoutDuration()
              + "; raise ingest.randomuser.rate-budget.* or run fewer users at once",
          null);
    }
    return retry.executeSupplier(() -> latency.record(() -> fetchOnce(query)));
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
                          read(response.getBody(), response.getHeaders().getContentLength())));
    } catch (ResourceAccessException e) {
      throw UpstreamException.retryable(
          "randomuser page " + query.page() + " did not answer: " + e.getMessage(), e);
    }
    try {
      return RandomUserPage.parse(body);
    } catch (IOException e) {
      String reason = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
      throw UpstreamException.permanent(
          "randomuser page " + query.page() + " is not valid JSON: " + reason, e);
    } catch (IllegalArgumentException e) {
      throw UpstreamException.permanent(
          "randomuser page " + query.page() + " is unusable: " + e.getMessage(), e);
    }
  }

  /**
   * The whole body, read straight into one array of the announced length when there is one: a page
   * is megabytes, which {@code readAllBytes} gathers in 8 KB chunks and then copies whole.
   */
  static byte[] read(InputStream in, long contentLength) throws IOException {
    if (contentLength < 0 || contentLength > Integer.MAX_VALUE - 8) {
      return in.readAllBytes();
    }
    byte[] announced = new byte[(int) contentLength];
    int read = in.readNBytes(announced, 0, announced.length);
    byte[] rest = in.readAllBytes(); // nothing, unless the length was wrong
    if (read == announced.length && rest.length == 0) {
      return announced;
    }
    byte[] body = Arrays.copyOf(announced, read + rest.length);
    System.arraycopy(rest, 0, body, read, rest.length);
    return body;
  }

  private static byte[] check(PageQuery query, int status, byte[] body) {
    if (status == 200) {
      return body;
    }
    String message =
        "randomuser page " + query.page() + " answered HTTP " + status + ": " + excerpt(body);
    if (status == 429 || status >= 500) {
      throw UpstreamException.retryable(message, null);
    }
    throw UpstreamException.permanent(message, null);
  }

  private static String excerpt(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
