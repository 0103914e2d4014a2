package io.realtimestreaming.devstack.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A user row as a line of PostgreSQL's CSV COPY format. */
final class CsvLine {

  private CsvLine() {}

  /** Every column after the id, newline included. */
  static byte[] rest(UserRow u, BenchUsers users) {
    StringBuilder line = new StringBuilder(2048);
    for (String text :
        new String[] {
          u.firstName(),
          u.lastName(),
          u.gender(),
          u.address(),
          u.postCode(),
          u.email(),
          u.username()
        }) {
      field(line, text).append(',');
    }
    field(line, instant(u.dob())).append(',');
    field(line, instant(u.registeredDate())).append(',');
    field(line, u.phone()).append(',');
    field(line, u.picture()).append(',');
    field(line, u.nationality()).append(',');
    field(line, users.runId().toString()).append(',');
    field(line, instant(users.ingestedAt())).append(',');
    field(line, u.rawJson()).append('\n');
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

  private static String instant(Instant instant) {
    return instant.toString();
  }
}
