package io.realtimestreaming.bench.latency;

import io.realtimestreaming.bench.profile.JitCompiles;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * How much the instances' JIT compiled while the latency was measured: the instances start fresh
 * for the suite, and a JVM still compiling many methods a second is measured cold, its compiler
 * threads taking the cores the load needs. Read once the warm-up is over and once the load is.
 */
final class JitActivity {

  // the load's first request goes out half a second after it is started (OfferedLoad)
  private static final long LOAD_START_MILLIS = 500;

  private final long ingestPid;
  private final long jobPid;
  private final CompletableFuture<long[]> atMeasuredStart;

  private JitActivity(long ingestPid, long jobPid, CompletableFuture<long[]> atMeasuredStart) {
    this.ingestPid = ingestPid;
    this.jobPid = jobPid;
    this.atMeasuredStart = atMeasuredStart;
  }

  /** Reads both counts {@code warmUpMillis} after the load starts, off the load's own threads. */
  static JitActivity measuredAfter(long warmUpMillis, long ingestPid, long jobPid) {
    Executor later =
        CompletableFuture.delayedExecutor(LOAD_START_MILLIS + warmUpMillis, TimeUnit.MILLISECONDS);
    return new JitActivity(
        ingestPid, jobPid, CompletableFuture.supplyAsync(() -> counts(ingestPid, jobPid), later));
  }

  /** Once the load is over: what each instance compiled since the warm-up ended. */
  String describe(int measuredSeconds) {
    long[] before = atMeasuredStart.join();
    long[] after = counts(ingestPid, jobPid);
    return String.format(
        Locale.ROOT,
        "JIT compilations while measured (HotSpot's sun.ci.totalCompiles, over %d s): ingest"
            + " service %s, stream job %s.",
        measuredSeconds,
        since(before[0], after[0], measuredSeconds),
        since(before[1], after[1], measuredSeconds));
  }

  private static long[] counts(long ingestPid, long jobPid) {
    return new long[] {read(ingestPid), read(jobPid)};
  }

  private static long read(long pid) {
    OptionalLong count = JitCompiles.of(pid);
    return count.isPresent() ? count.getAsLong() : -1;
  }

  private static String since(long before, long after, int seconds) {
    if (before < 0 || after < 0) {
      return "not read";
    }
    return String.format(
        Locale.ROOT, "%,d (%.0f a second)", after - before, (after - before) / (double) seconds);
  }
}
