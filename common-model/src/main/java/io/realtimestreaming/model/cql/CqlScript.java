package io.realtimestreaming.model.cql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CQL script such as {@code cassandra/schema.cql} as the statements in it, for a driver that runs
 * one statement per call. Comments are dropped (from {@code --} or {@code //} to the end of the
 * line, and block comments); a semicolon or comment marker inside a quoted string or name stays
 * where it is. Text only: the caller executes the statements.
 *
 * <p>The renaming methods match names as whole words of the statements, so a script that names the
 * shared keyspace and tables can be aimed at others (a test's, say) with the same columns.
 */
public final class CqlScript {

  private static final Pattern REPLICATION = Pattern.compile("replication\\s*=\\s*\\{[^}]*}");

  private final List<String> statements;

  private CqlScript(List<String> statements) {
    this.statements = List.copyOf(statements);
  }

  public static CqlScript parse(String cql) {
    List<String> statements = new ArrayList<>();
    StringBuilder statement = new StringBuilder();
    int i = 0;
    while (i < cql.length()) {
      char c = cql.charAt(i);
      if (c == '\'' || c == '"') {
        int end = closingQuote(cql, i);
        statement.append(cql, i, end);
        i = end;
      } else if (cql.startsWith("$$", i)) {
        int end = after(cql, "$$", i + 2);
        statement.append(cql, i, end);
        i = end;
      } else if (cql.startsWith("--", i) || cql.startsWith("//", i)) {
        int lineEnd = cql.indexOf('\n', i);
        i = lineEnd < 0 ? cql.length() : lineEnd; // the line break stays: it separates words
      } else if (cql.startsWith("/*", i)) {
        i = after(cql, "*/", i + 2);
        statement.append(' ');
      } else if (c == ';') {
        add(statements, statement);
        i++;
      } else {
        statement.append(c);
        i++;
      }
    }
    add(statements, statement);
    return new CqlScript(statements);
  }

  /** The statements in order, without their semicolons, comments or surrounding white space. */
  public List<String> statements() {
    return statements;
  }

  /**
   * The script with every {@code replication = {...}} map replaced by {@code replication}, e.g.
   * {@code {'class': 'NetworkTopologyStrategy', 'datacenter1': 3}}; itself when that is null or
   * blank.
   */
  public CqlScript withReplication(String replication) {
    if (replication == null || replication.isBlank()) {
      return this;
    }
    String replacement = Matcher.quoteReplacement("replication = " + replication);
    return map(s -> REPLICATION.matcher(s).replaceAll(replacement));
  }

  /** The script with keyspace {@code from} renamed {@code to}, wherever it is named. */
  public CqlScript withKeyspace(String from, String to) {
    return rename("\\b" + Pattern.quote(from) + "\\b", to);
  }

  /** The script with table {@code from} renamed {@code to} where its keyspace qualifies it. */
  public CqlScript withTable(String from, String to) {
    return rename("(?<=\\.)" + Pattern.quote(from) + "\\b", to);
  }

  private CqlScript rename(String regex, String to) {
    Pattern name = Pattern.compile(regex);
    String replacement = Matcher.quoteReplacement(to);
    return map(s -> name.matcher(s).replaceAll(replacement));
  }

  private CqlScript map(UnaryOperator<String> change) {
    return new CqlScript(statements.stream().map(change).toList());
  }

  /** Just past the quote that closes the one at {@code open}; a doubled quote is part of it. */
  private static int closingQuote(String cql, int open) {
    char quote = cql.charAt(open);
    int i = open + 1;
    while (i < cql.length()) {
      if (cql.charAt(i) != quote) {
        i++;
      } else if (i + 1 < cql.length() && cql.charAt(i + 1) == quote) {
        i += 2;
      } else {
        return i + 1;
      }
    }
    return cql.length();
  }

  /** Just past the next {@code marker} from {@code from}, or the end of the text. */
  private static int after(String cql, String marker, int from) {
    int at = cql.indexOf(marker, from);
    return at < 0 ? cql.length() : at + marker.length();
  }

  private static void add(List<String> statements, StringBuilder statement) {
    String text = statement.toString().strip();
    if (!text.isEmpty()) {
      statements.add(text);
    }
    statement.setLength(0);
  }
}
