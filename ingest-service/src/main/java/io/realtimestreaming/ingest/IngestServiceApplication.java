package io.realtimestreaming.ingest;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The ingest service: fetches users from randomuser (or the offline source), stores them in
 * PostgreSQL with their events in the outbox, and relays the outbox to Kafka.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling // StalledRuns
public class IngestServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(IngestServiceApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
