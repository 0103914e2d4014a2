package io.realtimestreaming.bench.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * One rate measured several times in a run, e.g. three rounds of raw COPY: every value, their
 * median, and how far they spread. A single value says nothing about the noise it carries; three or
 * more let the report say whether two figures can be compared at all.
 *
 * @param name what was measured, e.g. "raw PostgreSQL COPY"
 * @param how the conditions, e.g. "200,000 rows per round, 2 connections"
 * @param unit e.g. "rows/s"
 * @param values each round's figure, in the order measured
 */
public record Measurement(String name, String how, String unit, List<Double> values) {

  public Measurement {
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a measurement of " + name + " needs at least one value");
    }
  }

  /** The middle value (the mean of the two middle values for an even count). */
  @JsonProperty
  public double median() {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** (max − min) / median: 0.15 means the rounds lie within 15 % of the median's size. */
  @JsonProperty
  public double spread() {
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    double median = median();
    return median <= 0 ? Double.POSITIVE_INFINITY : (max - min) / median;
  }

  /** "25,400 rows/s (24,900-26,100, spread 5 %, 3 rounds)". */
  public String summary() {
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    return values.size() == 1
        ? String.format(Locale.ROOT, "%,.0f %s (1 round)", median(), unit)
        : String.format(
            Locale.ROOT,
            "%,.0f %s (%,.0f-%,.0f, spread %.0f %%, %d rounds)",
            median(),
            unit,
            min,
            max,
            100 * spread(),
            values.size());
  }
}
