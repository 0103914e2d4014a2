package io.realtimestreaming.devstack.bench;

import java.util.Locale;

/** A run's report as Markdown tables: throughput, latency percentiles, targets, notes. */
final class MarkdownReport {

  private MarkdownReport() {}

  static String render(BenchReport r) {
    StringBuilder md = new StringBuilder();
    md.append(
        f(
            "Run %s (%s UTC): `%s`; %,d users; %s; PostgreSQL %s.%n%n",
            r.id(), r.startedAt(), r.command(), r.users(), r.machine(), r.postgresDurability()));
    md.append("| throughput | rows | seconds | rows/s |\n|---|---:|---:|---:|\n");
    for (Throughput t : r.throughput()) {
      md.append(
          f("| %s | %,d | %.1f | %,.0f |%n", t.name(), t.rows(), t.seconds(), t.rowsPerSecond()));
    }
    if (r.kafka() != null) {
      md.append(
          f(
              "%nRaw Kafka produce latency (ProducerPerformance): p50 %d ms, p95 %d ms, p99 %d ms, %.1f MB/s.%n",
              r.kafka().p50Millis(),
              r.kafka().p95Millis(),
              r.kafka().p99Millis(),
              r.kafka().megabytesPerSecond()));
    }
    if (!r.latency().isEmpty()) {
      md.append(
          "\n| end-to-end latency | rows | p50 | p95 | p99 | max | from → to |\n|---|---:|---:|---:|---:|---:|---|\n");
      for (LatencySummary l : r.latency()) {
        md.append(
            f(
                "| %s | %,d | %,d ms | %,d ms | %,d ms | %,d ms | %s → row written to Cassandra |%n",
                l.phase(),
                l.rows(),
                l.p50Millis(),
                l.p95Millis(),
                l.p99Millis(),
                l.maxMillis(),
                l.from()));
      }
    }
    if (!r.targets().isEmpty()) {
      md.append("\n| target | measured | met |\n|---|---|---|\n");
      for (TargetCheck t : r.targets()) {
        md.append(f("| %s | %s | %s |%n", t.target(), t.measured(), t.met() ? "yes" : "**no**"));
      }
    }
    for (HotMethods p : r.profiles()) {
      md.append(
          f(
              "%nProfile of %s while %s (JFR, %,d execution samples; .local/bench/`%s`):%n%n",
              p.service(),
              p.phase(),
              p.samples(),
              java.nio.file.Path.of(p.recording()).getFileName()));
      md.append(
          "| threads | % | top of stack (self time) | % | own code on the stack | % |\n|---|---:|---|---:|---|---:|\n");
      for (int i = 0;
          i < Math.max(p.threads().size(), Math.max(p.selfTime().size(), p.ownCode().size()));
          i++) {
        md.append(
            f(
                "| %s | %s | %s |%n",
                share(p.threads(), i, p.samples()),
                share(p.selfTime(), i, p.samples()),
                share(p.ownCode(), i, p.samples())));
      }
    }
    if (!r.notes().isEmpty()) {
      md.append('\n');
      r.notes().forEach(note -> md.append("- ").append(note).append('\n'));
    }
    return md.toString();
  }

  private static String share(java.util.List<HotMethods.Share> shares, int i, long samples) {
    if (i >= shares.size()) {
      return " | ";
    }
    HotMethods.Share s = shares.get(i);
    return f("`%s` | %.0f", s.name(), 100.0 * s.samples() / Math.max(1, samples));
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
