package io.realtimestreaming.bench.raw;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a raw phase's shares at once, one thread each, as the pipeline's own threads would: the
 * clock starts when all are ready and stops when the last is done.
 */
final class Parallel {

  /** One thread's share of a phase. */
  interface Share {
    void run(int index) throws Exception;
  }

  private Parallel() {}

  /** Runs {@code threads} shares; answers {@code rows} per second of wall-clock time. */
  static double rate(long rows, int threads, Share share) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> running = new ArrayList<>(threads);
      for (int i = 0; i < threads; i++) {
        int index = i;
        running.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  share.run(index);
                  return null;
                }));
      }
      ready.await();
      long start = System.nanoTime();
      go.countDown();
      for (Future<?> f : running) {
        try {
          f.get();
        } catch (ExecutionException e) {
          running.forEach(r -> r.cancel(true));
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
      return rows / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }
}
