package io.realtimestreaming.ingest.run;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The bounded pool runs execute on. */
@Configuration(proxyBeanMethods = false)
class RunExecutorConfig {

  /**
   * A fixed pool with a bounded queue: a full queue rejects the task (AbortPolicy), which the API
   * answers with 503. On shutdown, runs in progress are interrupted: each ends after its current
   * page and is marked FAILED (its stored users and their outbox rows stay valid).
   */
  @Bean
  ThreadPoolTaskExecutor ingestionExecutor(RunProperties properties) {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setThreadNamePrefix("ingestion-");
    executor.setCorePoolSize(properties.concurrency());
    executor.setMaxPoolSize(properties.concurrency());
    executor.setQueueCapacity(properties.queueCapacity());
    executor.setWaitForTasksToCompleteOnShutdown(false);
    executor.setAwaitTerminationSeconds(30);
    return executor;
  }
}
