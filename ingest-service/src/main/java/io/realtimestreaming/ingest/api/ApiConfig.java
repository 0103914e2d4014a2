package io.realtimestreaming.ingest.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API key check, on the API's paths only. The keys are checked when the web server starts,
 * before the service connects to anything: outside the {@code dev} profile a missing, short or
 * development key stops the start ({@link ApiKeys}).
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

  @Bean
  FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeys keys, JsonMapper json) {
    FilterRegistrationBean<ApiKeyFilter> registration =
        new FilterRegistrationBean<>(new ApiKeyFilter(keys, json));
    registration.addUrlPatterns("/api/*");
    return registration;
  }

  /**
   * {@code ingest.api.*}.
   *
   * @param key the value every API request must send as {@code X-API-Key} ({@code INGEST_API_KEY});
   *     several keys separated by commas are all accepted, for a rotation
   */
  @ConfigurationProperties("ingest.api")
  record ApiProperties(String key) {}
}
