package io.realtimestreaming.bench.report;

/** What a run says about one target. */
public enum Verdict {
  MET,
  MISSED,
  /** The figures it rests on were too noisy to compare (a raw baseline's spread over the limit). */
  INCONCLUSIVE,
  /** The run did not measure what the target needs (a suite left out, another offered load). */
  NOT_MEASURED
}
