package io.realtimestreaming.ingest.run;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The pool executing runs fetch their next pages on (runs themselves execute on {@link RunPool}).
 */
@Configuration(proxyBeanMethods = false)
class RunExecutorConfig {

  static final String PREFETCH_EXECUTOR = "prefetchExecutor";

  /**
   * Where each executing run fetches and maps its next page while it stores the current one: a run
   * has at most one such task pending, so a thread per executing run is enough (the queue holds at
   * most the tail of a cancelled fetch). On shutdown it keeps going until the context is destroyed:
   * the runs, interrupted first, cancel their own pending fetch and end FAILED as stopped, rather
   * than failing on the fetch's interruption.
   */
  @Bean(PREFETCH_EXECUTOR)
  ThreadPoolTaskExecutor prefetchExecutor(RunProperties properties) {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setThreadNamePrefix("ingestion-prefetch-");
    executor.setCorePoolSize(properties.concurrency());
    executor.setMaxPoolSize(properties.concurrency());
    executor.setAcceptTasksAfterContextClose(true);
    executor.setWaitForTasksToCompleteOnShutdown(false);
    executor.setAwaitTerminationSeconds(30);
    return executor;
  }
}
