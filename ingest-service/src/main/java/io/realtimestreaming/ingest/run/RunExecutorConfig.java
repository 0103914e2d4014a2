package io.realtimestreaming.ingest.run;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The bounded pool runs execute on, and the pool their next pages are fetched on. */
@Configuration(proxyBeanMethods = false)
class RunExecutorConfig {

  static final String INGESTION_EXECUTOR = "ingestionExecutor";
  static final String PREFETCH_EXECUTOR = "prefetchExecutor";

  /**
   * A fixed pool with a bounded queue: a full queue rejects the task (AbortPolicy), which the API
   * answers with 503. A plain {@code ThreadPoolExecutor} rather than Spring's task executor, whose
   * lifecycle stop waits for running tasks: a run can take many minutes, so {@link RunLauncher}
   * shuts this pool down itself (runs in progress interrupted, queued runs failed). No destroy
   * method: the launcher has shut it down by then.
   */
  @Bean(name = INGESTION_EXECUTOR, destroyMethod = "")
  ThreadPoolExecutor ingestionExecutor(RunProperties properties) {
    return new ThreadPoolExecutor(
        properties.concurrency(),
        properties.concurrency(),
        0,
        TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(properties.queueCapacity()),
        new CustomizableThreadFactory("ingestion-"),
        new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * Where each executing run fetches and maps its next page while it stores the current one: a
   * run has at most one such task pending, so a thread per executing run is enough (the queue
   * holds at most the tail of a cancelled fetch). On shutdown it keeps going until the context is
   * destroyed: the runs, interrupted first, cancel their own pending fetch and end FAILED as
   * stopped, rather than failing on the fetch's interruption.
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
