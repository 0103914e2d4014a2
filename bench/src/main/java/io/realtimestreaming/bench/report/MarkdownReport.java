package io.realtimestreaming.bench.report;

import io.realtimestreaming.bench.profile.HotMethods;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A run's report as Markdown: the targets first, then every figure they rest on, then notes. */
public final class MarkdownReport {

  private MarkdownReport() {}

  public static String render(BenchReport r) {
    StringBuilder md = new StringBuilder();
    md.append(
        f(
            "Run %s (%s UTC): `%s`; suites %s; %d cores, load average %.1f → %.1f; PostgreSQL %s.%n",
            r.id(),
            r.startedAt(),
            r.command(),
            String.join(", ", r.suites()),
            r.machine().cores(),
            r.machine().loadBefore(),
            r.machine().loadAfter(),
            r.postgresDurability()));
    if (!r.configuration().isEmpty()) {
      md.append(
          f("Configuration beyond the defaults: `%s`.%n", String.join("`, `", r.configuration())));
    }
    md.append(f("%nExit status %d (%s).%n", r.exitStatus(), status(r.exitStatus())));
    md.append("\n| target | verdict | measured |\n|---|---|---|\n");
    for (TargetCheck t : r.targets()) {
      md.append(f("| %s | %s | %s |%n", t.target(), verdict(t.verdict()), t.measured()));
    }
    if (!r.throughput().isEmpty()) {
      md.append(
          "\n| throughput | median | rounds | spread | conditions |\n|---|---:|---|---:|---|\n");
      for (Measurement m : r.throughput()) {
        md.append(
            f(
                "| %s | %,.0f %s | %s | %.0f %% | %s |%n",
                m.name(),
                m.median(),
                m.unit(),
                m.values().stream().map(v -> f("%,.0f", v)).collect(Collectors.joining(" / ")),
                100 * m.spread(),
                m.how()));
      }
    }
    if (r.latency() != null) {
      LatencySummary l = r.latency();
      md.append(
          "\n| end-to-end latency | samples | failed | p50 | p95 | p99 | p99.9 | max |\n"
              + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
      md.append(
          f(
              "| %s | %,d | %,d | %s | %s | %s | %s | %s |%n",
              l.phase(),
              l.samples(),
              l.failures(),
              ms(l.p50Millis()),
              ms(l.p95Millis()),
              ms(l.p99Millis()),
              ms(l.p999Millis()),
              ms(l.maxMillis())));
      md.append(f("%nLatency is counted from %s to when %s.%n", l.from(), l.to()));
    }
    for (HotMethods p : r.profiles()) {
      md.append(
          f(
              "%nProfile of %s during %s (JFR, %,d execution samples; `%s`):%n%n",
              p.service(),
              p.phase(),
              p.samples(),
              java.nio.file.Path.of(p.recording()).getFileName()));
      md.append(
          "| threads | % | top of stack (self time) | % | own code on the stack | % |\n"
              + "|---|---:|---|---:|---|---:|\n");
      int rows = Math.max(p.threads().size(), Math.max(p.selfTime().size(), p.ownCode().size()));
      for (int i = 0; i < rows; i++) {
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

  static String status(int exitStatus) {
    return switch (exitStatus) {
      case Targets.ALL_MET -> "every target measured was met";
      case Targets.MISSED -> "a target was missed";
      case Targets.INCONCLUSIVE -> "none missed, but a raw baseline was too noisy to judge one";
      default -> "the run failed";
    };
  }

  private static String verdict(Verdict v) {
    return switch (v) {
      case MET -> "met";
      case MISSED -> "**missed**";
      case INCONCLUSIVE -> "**inconclusive**";
      case NOT_MEASURED -> "not measured";
    };
  }

  private static String ms(Long millis) {
    return millis == null ? "failed" : f("%,d ms", millis);
  }

  private static String share(List<HotMethods.Share> shares, int i, long samples) {
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
