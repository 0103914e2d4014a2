package io.realtimestreaming.ingest.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's guards: the key check and the body size cap on its paths, strict reading of request
 * bodies. The keys are checked when the web server starts, before the service connects to anything:
 * outside the {@code dev} profile a missing, short or development key stops the start ({@link
 * ApiKeys}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiConfig.ApiProperties.class)
class ApiConfig {

  /** The profile of the devstack and the tests, in which a development key is accepted. */
  static final String DEVELOPMENT_PROFILE = "dev";

  private static final Logger log = LoggerFactory.getLogger(ApiConfig.class);

  @Bean
  ApiKeys apiKeys(ApiProperties properties, Environment environment) {
    boolean development = environment.matchesProfiles(DEVELOPMENT_PROFILE);
    ApiKeys keys = ApiKeys.of(properties.key(), development);
    if (development) {
      log.warn("profile dev: the API key is not checked for strength; never expose this instance");
    }
    if (keys.size() > 1) {
      log.info("{} API keys accepted (a rotation in progress)", keys.size());
    }
    return keys;
  }

  /** First the key: a request without one never gets its body read. */
  @Bean
  FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeys keys, JsonMapper json) {
    FilterRegistrationBean<ApiKeyFilter> registration =
        new FilterRegistrationBean<>(new ApiKeyFilter(keys, json));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
      ApiProperties properties, JsonMapper json) {
    FilterRegistrationBean<RequestBodyLimitFilter> registration =
        new FilterRegistrationBean<>(
            new RequestBodyLimitFilter(Math.toIntExact(properties.maxBodySize().toBytes()), json));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(2);
    return registration;
  }

  @Bean
  StrictJsonReading strictJsonReading() {
    return new StrictJsonReading();
  }

  /**
   * {@code ingest.api.*}.
   *
   * @param key the value every API request must send as {@code X-API-Key} ({@code INGEST_API_KEY});
   *     several keys separated by commas are all accepted, for a rotation
   * @param maxBodySize the largest request body taken; a larger one is answered 413
   */
  @ConfigurationProperties("ingest.api")
  record ApiProperties(String key, @DefaultValue("16KB") DataSize maxBodySize) {}
}
