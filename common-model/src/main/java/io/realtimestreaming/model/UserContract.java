package io.realtimestreaming.model;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a valid user is, for every stage that handles one. The ingest service applies it at the
 * door: a randomuser record that breaks it is rejected, counted on its run by {@link Rule}, and
 * stored nowhere. The stream job applies it again before Cassandra, as the last guard against
 * records that did not come through the ingest service: those go to the dead-letter topic. A record
 * that passes here is accepted by every store downstream (PostgreSQL text and jsonb, Avro, Kafka,
 * Cassandra).
 *
 * <ul>
 *   <li>Required text ({@code first_name}, {@code last_name}, {@code email}, {@code username}) is
 *       present and not blank.
 *   <li>Every text field is at most {@link #FIELDS}' length in characters, and holds no control
 *       character (U+0000-U+001F, U+007F-U+009F: NUL is refused by PostgreSQL, line breaks would
 *       forge log lines) and no lone surrogate (not encodable as UTF-8). Such records are rejected,
 *       not sanitized: a silently changed name is worse than a counted rejection.
 *   <li>{@code email} has the shape {@code local@domain.tld}.
 *   <li>Every timestamp lies between {@link #EARLIEST} and now plus {@link #CLOCK_SKEW}.
 *   <li>The record as received (randomuser's JSON, kept as {@code users.raw}) is at most {@link
 *       #MAX_RAW_RECORD_BYTES} of well-formed UTF-8, without a {@code \u0000} or lone-surrogate
 *       escape (PostgreSQL's jsonb refuses both).
 *   <li>Ids are canonical UUIDs ({@link #canonicalUuid}).
 * </ul>
 *
 * Together the limits keep an event (the Avro record on Kafka) under 20 KB, far below the topic's 1
 * MiB {@code max.message.bytes}.
 */
public final class UserContract {

  /** How far ahead of the checking stage's clock a producer's clock may run. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** No timestamp of a user lies before this. */
  public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

  /** The largest randomuser record accepted, in bytes (a real one is about 1.2 KB). */
  public static final int MAX_RAW_RECORD_BYTES = 32 * 1024;

  /** Why a record is not a valid user; {@link #code()} names it in logs, metrics and the API. */
  public enum Rule {
    NOT_AN_OBJECT,
    WRONG_TYPE,
    MISSING_FIELD,
    INVALID_UUID,
    INVALID_EMAIL,
    INVALID_TIMESTAMP,
    TIMESTAMP_OUT_OF_RANGE,
    FIELD_TOO_LONG,
    INVALID_CHARACTER,
    RECORD_TOO_LARGE;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One broken rule.
   *
   * @param field the field at fault as the stores name it ({@code first_name}) or, for a randomuser
   *     record, in dotted form ({@code login.uuid}); empty for the whole record
   */
  public record Violation(Rule rule, String field, String message) {

    /** {@code rule field: message}, for a log line or a dead letter's detail. */
    public String describe() {
      return rule.code() + (field.isEmpty() ? "" : " " + field) + ": " + message;
    }
  }

  /** A text field and its longest allowed value, in characters. */
  public record TextField(String name, int maxLength, Function<User, String> value) {}

  /** Every text field of a user, with its maximum length. */
  public static final List<TextField> FIELDS =
      List.of(
          new TextField("first_name", 256, User::firstName),
          new TextField("last_name", 256, User::lastName),
          new TextField("gender", 32, User::gender),
          new TextField("address", 1024, User::address),
          new TextField("post_code", 64, User::postCode),
          new TextField("email", 254, User::email),
          new TextField("username", 128, User::username),
          new TextField("phone", 64, User::phone),
          new TextField("picture", 2048, User::picture),
          new TextField("nationality", 16, User::nationality));

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

  private UserContract() {}

  /**
   * The first rule {@code user} breaks, or empty when it is valid.
   *
   * @param now the checking stage's clock: no timestamp may lie past it by more than {@link
   *     #CLOCK_SKEW}
   */
  public static Optional<Violation> check(User user, Instant now) {
    for (TextField field : FIELDS) {
      Optional<Violation> problem =
          text(field.name(), field.value().apply(user), field.maxLength());
      if (problem.isPresent()) {
        return problem;
      }
    }
    for (String required : List.of("first_name", "last_name", "email", "username")) {
      String value = valueOf(user, required);
      if (value.isBlank()) {
        return violation(Rule.MISSING_FIELD, required, "is blank");
      }
    }
    if (!EMAIL.matcher(user.email()).matches()) {
      return violation(
          Rule.INVALID_EMAIL, "email", "'" + user.email() + "' is not local@domain.tld");
    }
    Instant latest = now.plus(CLOCK_SKEW);
    for (var timestamp :
        List.of(
            new Timestamp("dob", user.dob()),
            new Timestamp("registered_date", user.registeredDate()),
            new Timestamp("ingested_at", user.ingestedAt()))) {
      if (timestamp.value().isBefore(EARLIEST) || timestamp.value().isAfter(latest)) {
        return violation(
            Rule.TIMESTAMP_OUT_OF_RANGE,
            timestamp.field(),
            timestamp.value()
                + " is not between "
                + EARLIEST
                + " and "
                + latest
                + " (now + "
                + CLOCK_SKEW.toMinutes()
                + " min)");
      }
    }
    return Optional.empty();
  }

  /**
   * The first rule a randomuser record as received breaks, or empty: its size, its encoding, and
   * the escapes PostgreSQL's jsonb refuses.
   */
  public static Optional<Violation> checkRawRecord(byte[] json) {
    if (json.length > MAX_RAW_RECORD_BYTES) {
      return violation(
          Rule.RECORD_TOO_LARGE,
          "",
          "the record is " + json.length + " bytes, more than " + MAX_RAW_RECORD_BYTES);
    }
    if (!isWellFormedUtf8(json)) {
      return violation(Rule.INVALID_CHARACTER, "", "the record is not well-formed UTF-8");
    }
    return refusedEscape(json);
  }

  /**
   * Parses a UUID in its canonical form only ({@code 8-4-4-4-12} hex digits): {@code
   * UUID.fromString} also takes shortened groups ({@code 1-2-3-4-5}), which would name the user by
   * another text than the one it came with.
   *
   * @throws IllegalArgumentException when {@code text} is not a canonical UUID
   */
  public static UUID canonicalUuid(String text) {
    try {
      UUID uuid = UUID.fromString(text);
      if (uuid.toString().equalsIgnoreCase(text)) {
        return uuid;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new IllegalArgumentException("'" + text + "' is not a UUID such as " + new UUID(0, 0));
  }

  /**
   * A text field's length and characters; null passes (whether it may be null is not said here).
   */
  static Optional<Violation> text(String field, String value, int maxLength) {
    if (value == null) {
      return Optional.empty();
    }
    if (value.length() > maxLength) {
      return violation(
          Rule.FIELD_TOO_LONG,
          field,
          "is " + value.length() + " characters long, more than " + maxLength);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        return violation(
            Rule.INVALID_CHARACTER,
            field,
            String.format("holds the control character U+%04X at index %d", (int) c, i));
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++; // a well-formed pair
      } else if (Character.isSurrogate(c)) {
        return violation(
            Rule.INVALID_CHARACTER,
            field,
            String.format("holds the lone surrogate U+%04X at index %d", (int) c, i));
      }
    }
    return Optional.empty();
  }

  private static boolean isWellFormedUtf8(byte[] bytes) {
    boolean ascii = true;
    for (byte b : bytes) {
      if (b < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return true; // the common case, without a decoder
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * A {@code \u0000} escape, or a surrogate escape that is not half of a pair, in JSON text.
   * Hand-written: JSON parsers decode these escapes without complaint; only PostgreSQL refuses
   * them, when the page's transaction is already running.
   */
  private static Optional<Violation> refusedEscape(byte[] json) {
    boolean pendingHigh = false;
    for (int i = 0; i < json.length; i++) {
      if (json[i] != '\\' || i + 1 >= json.length) {
        if (pendingHigh) {
          return loneSurrogate();
        }
        continue;
      }
      byte escaped = json[i + 1];
      if (escaped != 'u' || i + 5 >= json.length) {
        if (pendingHigh) {
          return loneSurrogate();
        }
        i++; // \" \\ \n ...: skip the escaped character
        continue;
      }
      int code = hex(json, i + 2);
      i += 5;
      if (code == 0) {
        return violation(
            Rule.INVALID_CHARACTER, "", "the record holds the escape \\u0000, which jsonb refuses");
      }
      boolean low = code >= 0xDC00 && code <= 0xDFFF;
      if (pendingHigh != low) {
        return loneSurrogate();
      }
      pendingHigh = code >= 0xD800 && code <= 0xDBFF;
    }
    return pendingHigh ? loneSurrogate() : Optional.empty();
  }

  private static Optional<Violation> loneSurrogate() {
    return violation(
        Rule.INVALID_CHARACTER, "", "the record holds a lone surrogate escape (\\uD800-\\uDFFF)");
  }

  /** Four hex digits at {@code from}, or -1 if they are not hex (the JSON parser reports those). */
  private static int hex(byte[] json, int from) {
    int value = 0;
    for (int i = from; i < from + 4; i++) {
      int digit = Character.digit(json[i], 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  private static String valueOf(User user, String field) {
    for (TextField text : FIELDS) {
      if (text.name().equals(field)) {
        return text.value().apply(user);
      }
    }
    throw new IllegalArgumentException("no text field " + field);
  }

  private static Optional<Violation> violation(Rule rule, String field, String message) {
    return Optional.of(new Violation(rule, field, message));
  }

  private record Timestamp(String field, Instant value) {}
}
