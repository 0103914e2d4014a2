package io.realtimestreaming.ingest.randomuser;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The randomuser client and the Resilience4j policies around it, built from the properties. */
@Configuration(proxyBeanMethods = false)
class RandomUserConfig {

  @Bean
  RandomUserClient randomUserClient(RandomUserProperties properties, MeterRegistry meters) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
    requests.setReadTimeout(properties.readTimeout());
    RestClient rest =
        RestClient.builder()
            .baseUrl(properties.baseUrl().toString())
            .requestFactory(requests)
            .build();
    return new RandomUserClient(
        rest,
        retry(properties.retry()),
        rateLimiter(properties),
        properties.maxPageBytes(),
        meters);
  }

  /**
   * Exponential backoff with jitter; after a 429 with {@code Retry-After}, at least that long (at
   * most {@code retry-after-cap}, so a server cannot park a run for hours).
   */
  static Retry retry(RandomUserProperties.Retry settings) {
    IntervalFunction backoff =
        IntervalFunction.ofExponentialRandomBackoff(
            settings.initialBackoff(),
            settings.multiplier(),
            settings.jitter(),
            settings.maxBackoff());
    IntervalBiFunction<Object> wait =
        (attempt, outcome) -> {
          long millis = backoff.apply(attempt);
          if (outcome != null
              && outcome.isLeft()
              && outcome.getLeft() instanceof UpstreamException u
              && u.retryAfter().isPresent()) {
            long asked =
                Math.min(u.retryAfter().get().toMillis(), settings.retryAfterCap().toMillis());
            millis = Math.max(millis, asked);
          }
          return millis;
        };
    RetryConfig config =
        RetryConfig.custom()
            .maxAttempts(settings.maxAttempts())
            .intervalBiFunction(wait)
            .retryOnException(e -> e instanceof UpstreamException u && u.retryable())
            .failAfterMaxAttempts(false)
            .build();
    return Retry.of("randomuser", config);
  }

  /**
   * One budget for the whole service: concurrent runs share the upstream's limit. A page takes as
   * many permits as users it asks for.
   */
  static RateLimiter rateLimiter(RandomUserProperties properties) {
    RandomUserProperties.RateBudget budget = properties.rateBudget();
    RateLimiterConfig config =
        RateLimiterConfig.custom()
            .limitForPeriod(budget.users())
            .limitRefreshPeriod(budget.period())
            .timeoutDuration(budget.maxWait())
            .build();
    return RateLimiter.of("randomuser", config);
  }
}
