package io.realtimestreaming.devstack.bench;

/**
 * When each row of some runs was ingested, committed and became visible, in epoch milliseconds,
 * index by index.
 *
 * @param ingestedAt the user's {@code ingested_at}: stamped when its page was mapped, before the
 *     page's transaction began
 * @param committedAt its run's {@code finished_at}: stamped inside the transaction of the run's
 *     last page, just before the commit; for a one-page run, the commit of every row
 * @param visibleAt the Cassandra write time of the row (WRITETIME, stamped by the sink's driver as
 *     it sent the write)
 * @param missing rows stored in PostgreSQL that never reached Cassandra
 */
record RowTimes(long[] ingestedAt, long[] committedAt, long[] visibleAt, int missing) {

  long[] latenciesFromIngested() {
    return minus(visibleAt, ingestedAt);
  }

  long[] latenciesFromCommit() {
    return minus(visibleAt, committedAt);
  }

  long firstVisible() {
    long first = Long.MAX_VALUE;
    for (long v : visibleAt) {
      first = Math.min(first, v);
    }
    return first;
  }

  long lastVisible() {
    long last = Long.MIN_VALUE;
    for (long v : visibleAt) {
      last = Math.max(last, v);
    }
    return last;
  }

  private static long[] minus(long[] to, long[] from) {
    long[] d = new long[to.length];
    for (int i = 0; i < to.length; i++) {
      d[i] = to[i] - from[i];
    }
    return d;
  }
}
