package io.realtimestreaming.devstack.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a run's files: bench/results/&lt;id&gt;.json, .md and .png; when published, also the chart
 * as docs/bench-latest.png and the report into docs/benchmarks.md.
 */
public final class BenchOutputs {

  static final String DOC_IMAGE = "bench-latest.png";

  private BenchOutputs() {}

  /** Answers the files written. */
  public static List<Path> write(BenchReport report, Path resultsDir, Path docsDir, boolean publish)
      throws IOException {
    Files.createDirectories(resultsDir);
    Path json = resultsDir.resolve(report.id() + ".json");
    Path md = resultsDir.resolve(report.id() + ".md");
    Path png = resultsDir.resolve(report.id() + ".png");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
    Files.writeString(
        md, "# `./pipeline bench` " + report.id() + "\n\n" + MarkdownReport.render(report));
    BenchChart.write(report, png);
    List<Path> written = new ArrayList<>(List.of(json, md, png));
    if (publish) {
      Path image = docsDir.resolve(DOC_IMAGE);
      Files.copy(png, image, StandardCopyOption.REPLACE_EXISTING);
      Path doc = docsDir.resolve("benchmarks.md");
      String current = Files.exists(doc) ? Files.readString(doc) : "# Benchmarks\n";
      Files.writeString(doc, BenchmarkDoc.publish(current, docBlock(report)));
      written.add(image);
      written.add(doc);
    }
    return written;
  }

  private static String docBlock(BenchReport report) {
    return "Latest run (this block is rewritten by the command; notes outside it are kept). Made with:\n\n"
        + "```bash\n"
        + report.command()
        + "\n```\n\n"
        + "![Throughput and end-to-end latency of the latest ./pipeline bench]("
        + DOC_IMAGE
        + ")\n\n"
        + MarkdownReport.render(report);
  }
}
