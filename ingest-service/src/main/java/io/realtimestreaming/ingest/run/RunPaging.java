package io.realtimestreaming.ingest.run;

/**
 * How a run of {@code requested} users is split into randomuser pages of at most {@code pageSize}:
 * pages 1, 2, ... of {@code pageSize} users, the last one asking only for what remains.
 */
record RunPaging(int requested, int pageSize) {

  RunPaging {
    if (requested < 1 || pageSize < 1) {
      throw new IllegalArgumentException(
          "requested=" + requested + " and pageSize=" + pageSize + " must both be positive");
    }
  }

  int pages() {
    return (requested + pageSize - 1) / pageSize;
  }

  /** Users to ask for on 1-based {@code page}. */
  int resultsOn(int page) {
    if (page < 1 || page > pages()) {
      throw new IllegalArgumentException("page " + page + " is not in 1.." + pages());
    }
    return Math.min(pageSize, requested - (page - 1) * pageSize);
  }
}
