package io.realtimestreaming.ingest.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The API key check, on the API's paths only. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiConfig.ApiProperties.class)
class ApiConfig {

  @Bean
  FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiProperties properties, JsonMapper json) {
    FilterRegistrationBean<ApiKeyFilter> registration =
        new FilterRegistrationBean<>(new ApiKeyFilter(properties.key(), json));
    registration.addUrlPatterns("/api/*");
    return registration;
  }

  /**
   * {@code ingest.api.*}.
   *
   * @param key the value every API request must send as {@code X-API-Key} ({@code INGEST_API_KEY})
   */
  @ConfigurationProperties("ingest.api")
  record ApiProperties(String key) {}
}
