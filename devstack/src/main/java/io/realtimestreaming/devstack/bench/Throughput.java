package io.realtimestreaming.devstack.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Rows a phase moved and the wall-clock seconds it took.
 *
 * @param name the bar's label, e.g. "raw PostgreSQL COPY"
 */
public record Throughput(String name, long rows, double seconds) {

  public static Throughput of(String name, long rows, long nanos) {
    return new Throughput(name, rows, nanos / 1e9);
  }

  @JsonProperty
  public double rowsPerSecond() {
    return seconds <= 0 ? 0 : rows / seconds;
  }
}
