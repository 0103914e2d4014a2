package io.realtimestreaming.ingest.run;

/**
 * Where a run is. SUCCEEDED means every user was stored (with its event); publishing goes on in the
 * relay, and {@code published} catches up with {@code stored} afterwards.
 */
public enum RunStatus {
  RUNNING,
  SUCCEEDED,
  FAILED
}
