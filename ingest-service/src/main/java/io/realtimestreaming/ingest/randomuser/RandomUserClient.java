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
   * The whole body, at most {@code cap} bytes. An announced length sizes one array that the body is
   * read straight into; without one (a chunked answer, as the devstack's source sends), the JDK's
   * {@code readNBytes} gathers it in small buffers and copies them once. Either way a page
   * (megabytes) is allocated about once: growing one array by doubling and trimming it allocated
   * four times the page, every piece of it large enough for G1 to place outside the young
   * generation, and set off a concurrent collection every second or two (docs/benchmarks.md,
   * Levers, "Ingest: reading a page once").
   *
   * <p>What the stream holds decides the body, whatever length was announced.
   *
   * @throws UpstreamException (retryable) when the body is larger than {@code cap}
   */
  static byte[] read(InputStream in, long contentLength, int cap) throws IOException {
    byte[] announced = new byte[(int) Math.min(Math.max(contentLength, 0), cap)];
    int length = in.readNBytes(announced, 0, announced.length);
    if (length < announced.length) {
      return Arrays.copyOf(announced, length);
    }
    byte[] rest = in.readNBytes(cap - length + 1);
    if (length + rest.length > cap) {
      throw UpstreamException.retryable(
          "randomuser answered a body of more than "
              + cap
              + " bytes (ingest.randomuser.max-page-bytes)",
          null);
    }
    if (rest.length == 0) {
      return announced;
    }
    if (length == 0) {
      return rest;
    }
    byte[] body = Arrays.copyOf(announced, length + rest.length);
    System.arraycopy(rest, 0, body, length, rest.length);
    return body;
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
