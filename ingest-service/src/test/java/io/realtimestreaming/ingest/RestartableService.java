package io.realtimestreaming.ingest;

import io.realtimestreaming.testing.ServiceEndpoints;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service for a test that starts and stops it more than once (Spring's test support keeps one
 * context per configuration): every lifetime uses the same schema and topic, and the same settings
 * on top of the test defaults.
 */
final class RestartableService {

  private final String schema = ServiceUnderTest.freshName("ingest_it");
  private final String topic = ServiceUnderTest.freshName("users_created_it");
  private final ServiceEndpoints endpoints;
  private final Map<String, Object> settings;

  RestartableService(ServiceEndpoints endpoints, Map<String, Object> settings) {
    this.endpoints = endpoints;
    this.settings = Map.copyOf(settings);
  }

  /** A new lifetime; closing the context is the service's shutdown. */
  ConfigurableApplicationContext start() {
    Map<String, Object> properties =
        ServiceUnderTest.resolved(
            ServiceUnderTest.properties(() -> endpoints, schema, topic, endpoints::randomUserUrl));
    properties.putAll(settings);
    return ServiceUnderTest.start(properties);
  }

  String topic() {
    return topic;
  }

  /** The service's schema, to look at what it wrote. */
  JdbcTemplate db() {
    return ServiceUnderTest.jdbc(endpoints, schema);
  }

  void cleanUp() {
    ServiceUnderTest.cleanUp(endpoints, schema, topic);
  }
}
