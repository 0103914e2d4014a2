package io.realtimestreaming.devstack.cql;

import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints a CQL result as cqlsh does: aligned columns, a rule under the header, a row count. */
public final class CqlTablePrinter {

  private CqlTablePrinter() {}

  public static void print(ResultSet result, PrintStream out) {
    List<String> headers = new ArrayList<>();
    for (ColumnDefinition column : result.getColumnDefinitions()) {
      headers.add(column.getName().asCql(true));
    }
    if (headers.isEmpty()) {
      out.println("OK");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (Row row : result) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < headers.size(); i++) {
        Object value = row.getObject(i);
        cells.add(value == null ? "null" : value.toString());
      }
      rows.add(cells);
    }
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> r : rows) {
        widths[i] = Math.max(widths[i], r.get(i).length());
      }
    }
    out.println(line(headers, widths));
    out.println(rule(widths));
    rows.forEach(r -> out.println(line(r, widths)));
    out.printf("%n(%d rows)%n", rows.size());
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      b.append(i == 0 ? " " : " | ").append(String.format("%-" + widths[i] + "s", cells.get(i)));
    }
    return b.toString();
  }

  private static String rule(int[] widths) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      b.append(i == 0 ? "-" : "-+-").append("-".repeat(widths[i]));
    }
    return b.toString();
  }
}
