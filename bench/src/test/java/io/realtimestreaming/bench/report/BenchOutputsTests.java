package io.realtimestreaming.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchOutputsTests {

  @TempDir Path root;

  @Test
  void anUnpublishedRunStaysInTheResultsFolder() throws Exception {
    Path results = root.resolve("bench/results");
    Path docs = Files.createDirectories(root.resolve("docs"));

    BenchOutputs.write(MarkdownReportTests.report(), results, docs, false);

    assertThat(results.resolve("20261201_031500.json")).exists();
    assertThat(results.resolve("20261201_031500.md")).exists();
    assertThat(results.resolve("20261201_031500.png")).exists();
    assertThat(results.resolve(BenchOutputs.PUBLISHED)).doesNotExist();
    assertThat(docs.resolve("benchmarks.md")).doesNotExist();
  }

  @Test
  void aPublishedRunReplacesThePublishedJsonAndTheDocsBlock() throws Exception {
    Path results = root.resolve("bench/results");
    Path published = Files.createDirectories(results.resolve(BenchOutputs.PUBLISHED));
    Files.writeString(published.resolve("20261101_000000.json"), "{}");
    Path docs = Files.createDirectories(root.resolve("docs"));
    Files.writeString(docs.resolve("benchmarks.md"), "# Benchmarks\n\n## Method\n\nby hand\n");

    BenchOutputs.write(MarkdownReportTests.report(), results, docs, true);

    try (var files = Files.list(published)) {
      assertThat(files)
          .extracting(p -> p.getFileName().toString())
          .containsExactly("20261201_031500.json");
    }
    String json = Files.readString(published.resolve("20261201_031500.json"));
    assertThat(json).contains("\"command\" : \"./pipeline bench --publish\"");
    String doc = Files.readString(docs.resolve("benchmarks.md"));
    assertThat(doc)
        .contains("by hand")
        .contains("[its JSON](../bench/results/published/20261201_031500.json)")
        .contains("./pipeline bench --publish");
    assertThat(docs.resolve(BenchOutputs.DOC_IMAGE)).exists();
  }
}
