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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Fetches randomuser pages: one request per page, retried on 429, 5xx and timeouts with
 * exponential backoff and jitter, and paced by the service-wide rate budget.
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
          "no randomuser rate budget for " + query.results() + " users within "
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
              .exchange((request, response) -> check(query, response.getStatusCode().value(),
                  response.getBody()));
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

  private static byte[] check(PageQuery query, int status, InputStream in) throws IOException {
    byte[] body = in.readAllBytes();
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
