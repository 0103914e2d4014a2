package io.realtimestreaming.bench.report;

/**
 * Puts a run's report into docs/benchmarks.md, in the section {@value #HEADING}: the part between
 * the section's two markers is replaced, so the hand-written analysis around it stays; a section
 * without markers gets the block under its heading; a document without the section gets it
 * appended.
 */
public final class BenchmarkDoc {

  static final String HEADING = "## The published run";
  static final String BEGIN =
      "<!-- bench:published:begin (written by ./pipeline bench --publish) -->";
  static final String END = "<!-- bench:published:end -->";

  private BenchmarkDoc() {}

  public static String publish(String document, String latest) {
    String block = BEGIN + "\n" + latest.strip() + "\n" + END;
    int begin = document.indexOf(BEGIN);
    int end = document.indexOf(END);
    if (begin >= 0 && end > begin) {
      return document.substring(0, begin) + block + document.substring(end + END.length());
    }
    int heading = document.indexOf(HEADING);
    if (heading >= 0) {
      int after = heading + HEADING.length();
      return document.substring(0, after) + "\n\n" + block + document.substring(after);
    }
    String separator =
        document.isEmpty() || document.endsWith("\n\n")
            ? ""
            : document.endsWith("\n") ? "\n" : "\n\n";
    return document + separator + HEADING + "\n\n" + block + "\n";
  }
}
