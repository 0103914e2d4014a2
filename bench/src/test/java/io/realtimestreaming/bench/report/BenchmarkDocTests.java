package io.realtimestreaming.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchmarkDocTests {

  private static final String OTHER = "# Benchmarks\n\n## Stack start and stop\n\nfigures\n";

  @Test
  void appendsTheSectionToADocumentWithoutIt() {
    String doc = BenchmarkDoc.publish(OTHER, "table one");

    assertThat(doc).startsWith(OTHER);
    assertThat(doc)
        .contains(
            BenchmarkDoc.HEADING
                + "\n\n"
                + BenchmarkDoc.BEGIN
                + "\ntable one\n"
                + BenchmarkDoc.END
                + "\n");
  }

  @Test
  void replacesOnlyTheBlockBetweenTheMarkers() {
    String first =
        BenchmarkDoc.publish(OTHER, "table one")
            + "\n### Where it falls short\n\nhand-written analysis\n";

    String second = BenchmarkDoc.publish(first, "table two");

    assertThat(second).contains("table two").doesNotContain("table one");
    assertThat(second).contains("## Stack start and stop").contains("hand-written analysis");
    assertThat(second.split(java.util.regex.Pattern.quote(BenchmarkDoc.HEADING), -1)).hasSize(2);
  }

  @Test
  void fillsASectionWrittenByHandUnderItsHeading() {
    String doc = OTHER + "\n" + BenchmarkDoc.HEADING + "\n\nintro by hand\n";

    String published = BenchmarkDoc.publish(doc, "table");

    assertThat(published.indexOf(BenchmarkDoc.BEGIN))
        .isGreaterThan(published.indexOf(BenchmarkDoc.HEADING));
    assertThat(published).contains("intro by hand");
    assertThat(published.split(java.util.regex.Pattern.quote(BenchmarkDoc.HEADING), -1)).hasSize(2);
  }
}
