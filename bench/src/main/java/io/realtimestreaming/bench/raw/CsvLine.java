package io.realtimestreaming.bench.raw;

import io.realtimestreaming.ingest.users.FetchedUser;
import io.realtimestreaming.model.User;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A user row as a line of PostgreSQL's CSV COPY format, its columns in the order the table declares
 * them (read from the table, not restated here): the id first, then the rest, so that a pool of
 * users can be encoded once and given fresh ids row by row.
 */
final class CsvLine {

  private static final Map<String, Function<FetchedUser, String>> VALUES =
      Map.ofEntries(
          Map.entry("first_name", u -> u.user().firstName()),
          Map.entry("last_name", u -> u.user().lastName()),
          Map.entry("gender", u -> u.user().gender()),
          Map.entry("address", u -> u.user().address()),
          Map.entry("post_code", u -> u.user().postCode()),
          Map.entry("email", u -> u.user().email()),
          Map.entry("username", u -> u.user().username()),
          Map.entry("dob", u -> u.user().dob().toString()),
          Map.entry("registered_date", u -> u.user().registeredDate().toString()),
          Map.entry("phone", u -> u.user().phone()),
          Map.entry("picture", u -> u.user().picture()),
          Map.entry("nationality", u -> u.user().nationality()),
          Map.entry("ingestion_run_id", u -> u.user().ingestionRunId().toString()),
          Map.entry("ingested_at", u -> u.user().ingestedAt().toString()),
          Map.entry("raw", u -> new String(u.rawJson(), StandardCharsets.UTF_8)),
          Map.entry("version", u -> Long.toString(u.user().version())));

  private final List<String> rest;

  private CsvLine(List<String> rest) {
    this.rest = rest;
  }

  /**
   * @param columns the table's columns in order
   * @throws IllegalStateException if the first is not {@code id}, or one is unknown here: the table
   *     has changed, and the raw COPY must learn the new column before it can be compared
   */
  static CsvLine forColumns(List<String> columns) {
    if (columns.isEmpty() || !columns.get(0).equals("id")) {
      throw new IllegalStateException("the users table must start with its id, not " + columns);
    }
    List<String> rest = columns.subList(1, columns.size());
    rest.stream()
        .filter(c -> !VALUES.containsKey(c))
        .findFirst()
        .ifPresent(
            c -> {
              throw new IllegalStateException(
                  "the users table has a column the raw COPY does not fill: "
                      + c
                      + " (bench/src/main/java/io/realtimestreaming/bench/raw/CsvLine.java)");
            });
    return new CsvLine(List.copyOf(rest));
  }

  /** The id field with its separator. */
  static byte[] id(User user) {
    return (user.id() + ",").getBytes(StandardCharsets.UTF_8);
  }

  /** Every column after the id, newline included. */
  byte[] rest(FetchedUser user) {
    StringBuilder line = new StringBuilder(2048);
    for (int i = 0; i < rest.size(); i++) {
      field(line, VALUES.get(rest.get(i)).apply(user)).append(i < rest.size() - 1 ? ',' : '\n');
    }
    return line.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Quoted with doubled quotes; null as the unquoted empty string, which CSV COPY reads as NULL.
   */
  static StringBuilder field(StringBuilder line, String value) {
    if (value == null) {
      return line;
    }
    return line.append('"').append(value.replace("\"", "\"\"")).append('"');
  }
}
