package io.realtimestreaming.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a run's files: bench/results/&lt;id&gt;.json, .md and .png (not committed). A published
 * run also goes into the repository: its JSON as bench/results/published/&lt;id&gt;.json (the one
 * published run's, replacing the one before), its chart as docs/bench-latest.png, its report into
 * docs/benchmarks.md.
 */
public final class BenchOutputs {

  static final String DOC_IMAGE = "bench-latest.png";
  static final String PUBLISHED = "published";

  private BenchOutputs() {}

  /** Answers the files written. */
  public static List<Path> write(BenchReport report, Path resultsDir, Path docsDir, boolean publish)
      throws IOException {
    Files.createDirectories(resultsDir);
    Path json = resultsDir.resolve(report.id() + ".json");
    Path md = resultsDir.resolve(report.id() + ".md");
    Path png = resultsDir.resolve(report.id() + ".png");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
    Files.writeString(md, "# Bench run " + report.id() + "\n\n" + MarkdownReport.render(report));
    BenchChart.write(report, png);
    List<Path> written = new ArrayList<>(List.of(json, md, png));
    if (publish) {
      Path published = resultsDir.resolve(PUBLISHED);
      Files.createDirectories(published);
      try (Stream<Path> before = Files.list(published)) {
        for (Path old : before.filter(p -> p.toString().endsWith(".json")).toList()) {
          Files.delete(old);
        }
      }
      Path kept = published.resolve(report.id() + ".json");
      Files.copy(json, kept);
      Path image = docsDir.resolve(DOC_IMAGE);
      Files.copy(png, image, StandardCopyOption.REPLACE_EXISTING);
      Path doc = docsDir.resolve("benchmarks.md");
      String current = Files.exists(doc) ? Files.readString(doc) : "# Benchmarks\n";
      Files.writeString(
          doc,
          BenchmarkDoc.publish(
              current, docBlock(report, docsDir.relativize(kept).toString().replace('\\', '/'))));
      written.addAll(List.of(kept, image, doc));
    }
    return written;
  }

  static String docBlock(BenchReport report, String jsonLink) {
    return "Written by the command below (`--publish`); the text outside this block is kept."
        + " Every figure of the run, each round included, is in [its JSON]("
        + jsonLink
        + ").\n\n"
        + "```bash\n"
        + report.command()
        + "\n```\n\n"
        + "![Throughput and end-to-end latency of the published run]("
        + DOC_IMAGE
        + ")\n\n"
        + MarkdownReport.render(report);
  }
}
