package io.realtimestreaming.bench.latency;

import io.realtimestreaming.model.ingest.IngestApiException;
import io.realtimestreaming.model.ingest.IngestClient;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop offered load: a request (a run of {@code users} users) every {@code interval} ms,
 * each sent on its own thread at its scheduled time whatever the requests before it are doing, so a
 * slow service faces the same load rather than a politely slower one. A request the service refuses
 * is kept, as a refusal: its users are failures, not missing samples.
 */
final class OfferedLoad {

  /**
   * One request.
   *
   * @param scheduledMillis when it was due (epoch ms): every latency of its users counts from here
   * @param sentMillis when it went out (late only if the bench itself lagged)
   * @param runId the run the service started, or null if it refused
   * @param refusal why it refused, or null
   */
  record Request(int index, long scheduledMillis, long sentMillis, UUID runId, String refusal) {}

  private OfferedLoad() {}

  /** Sends {@code count} requests, one every {@code intervalMillis}; answers them in order. */
  static List<Request> run(
      IngestClient api,
      int users,
      long intervalMillis,
      int count,
      String seedPrefix,
      PrintStream out)
      throws Exception {
    ExecutorService senders = Executors.newCachedThreadPool();
    List<Future<Request>> requests = new ArrayList<>(count);
    long startMillis = System.currentTimeMillis() + 500;
    long startNanos = System.nanoTime() + 500_000_000L;
    try {
      for (int i = 0; i < count; i++) {
        int index = i;
        long due = startMillis + i * intervalMillis;
        long wait;
        while ((wait = startNanos + i * intervalMillis * 1_000_000L - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        requests.add(senders.submit(() -> send(api, users, index, due, seedPrefix)));
        if ((i + 1) % Math.max(1, 5000 / intervalMillis) == 0) {
          out.printf("  %,d requests sent of %,d%n", i + 1, count);
        }
      }
      List<Request> done = new ArrayList<>(count);
      for (Future<Request> request : requests) {
        done.add(request.get(2, TimeUnit.MINUTES));
      }
      return done;
    } finally {
      senders.shutdownNow();
    }
  }

  private static Request send(IngestClient api, int users, int index, long due, String seed) {
    long sent = System.currentTimeMillis();
    try {
      return new Request(index, due, sent, api.start(users, seed + "-" + index), null);
    } catch (IngestApiException e) {
      return new Request(index, due, sent, null, e.getMessage());
    }
  }
}
