package io.realtimestreaming.bench.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The run as one PNG: throughput medians on the left, latency percentiles on the right (XChart); a
 * failed percentile (more failures than its share) is drawn as 0.
 */
final class BenchChart {

  private static final int WIDTH = 820;
  private static final int HEIGHT = 560;

  private BenchChart() {}

  static void write(BenchReport report, Path png) throws IOException {
    boolean withLatency = report.latency() != null;
    BufferedImage image =
        new BufferedImage(withLatency ? 2 * WIDTH : WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      throughput(report).paint(g, WIDTH, HEIGHT);
      if (withLatency) {
        g.translate(WIDTH, 0);
        latency(report.latency()).paint(g, WIDTH, HEIGHT);
      }
    } finally {
      g.dispose();
    }
    if (!ImageIO.write(image, "png", png.toFile())) {
      throw new IOException("no PNG writer in this JVM for " + png);
    }
  }

  private static CategoryChart throughput(BenchReport report) {
    CategoryChart chart = chart("Throughput (median of the rounds), " + report.id(), "per s");
    chart.getStyler().setSeriesColors(new Color[] {new Color(0x3366cc)});
    if (report.throughput().isEmpty()) {
      chart.addSeries("per s", List.of("none"), List.of(0));
      return chart;
    }
    chart.addSeries(
        "per s",
        report.throughput().stream().map(t -> label(t.name())).toList(),
        report.throughput().stream().map(Measurement::median).toList());
    return chart;
  }

  private static CategoryChart latency(LatencySummary latency) {
    CategoryChart chart =
        chart("End-to-end latency (target: p99 ≤ 250 ms at 1,000 users/s offered)", "ms");
    chart.addSeries(
        "ms",
        List.of("p50", "p95", "p99", "p99.9"),
        java.util.stream.Stream.of(
                latency.p50Millis(), latency.p95Millis(), latency.p99Millis(), latency.p999Millis())
            .map(v -> v == null ? 0L : v)
            .toList());
    return chart;
  }

  /** The name without its parenthesis: long rotated labels run off the image. */
  static String label(String name) {
    int paren = name.indexOf(" (");
    return paren < 0 ? name : name.substring(0, paren);
  }

  private static CategoryChart chart(String title, String yTitle) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setXAxisLabelRotation(20);
    chart.getStyler().setLabelsVisible(true);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setDecimalPattern("#,###");
    return chart;
  }
}
