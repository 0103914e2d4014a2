package io.realtimestreaming.model.randomuser;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 timestamps with an offset, as randomuser sends them ({@code 1992-03-08T15:13:16.688Z}).
 *
 * <p>The shape randomuser always uses, milliseconds and {@code Z}, is read digit by digit; any
 * other shape goes to {@link OffsetDateTime#parse}, which is the reference for what is accepted.
 * Hand-written because {@code DateTimeFormatter} parsing cost the ingest service as much CPU as the
 * rest of the mapping together (two timestamps per user, 5,000 users a page).
 */
final class IsoTimestamps {

  private static final String SHAPE = "dddd-dd-ddTdd:dd:dd.dddZ";

  private IsoTimestamps() {}

  /**
   * @throws DateTimeParseException if the text is not an ISO-8601 date-time with an offset
   */
  static Instant parse(String text) {
    if (hasShape(text)) {
      try {
        long day =
            LocalDate.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2)).toEpochDay();
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (hour < 24 && minute < 60 && second < 60) {
          return Instant.ofEpochSecond(
              day * 86_400 + hour * 3_600 + minute * 60 + second, digits(text, 20, 3) * 1_000_000L);
        }
      } catch (DateTimeException e) {
        // not a real date (month 13, February 30): the reference parser reports it
      }
    }
    return OffsetDateTime.parse(text).toInstant();
  }

  private static boolean hasShape(String text) {
    if (text.length() != SHAPE.length()) {
      return false;
    }
    for (int i = 0; i < SHAPE.length(); i++) {
      char expected = SHAPE.charAt(i);
      char actual = text.charAt(i);
      if (expected == 'd' ? actual < '0' || actual > '9' : actual != expected) {
        return false;
      }
    }
    return true;
  }

  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }
}
