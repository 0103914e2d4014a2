package io.realtimestreaming.devstack.demo;

/** An ingestion run's counters, as GET /api/v1/ingestions/{id} reports them. */
public record RunProgress(
    String status,
    long requested,
    long fetched,
    long stored,
    long duplicates,
    long rejected,
    long published,
    String error) {

  public boolean finished() {
    return !"RUNNING".equals(status);
  }

  public boolean failed() {
    return "FAILED".equals(status);
  }
}
