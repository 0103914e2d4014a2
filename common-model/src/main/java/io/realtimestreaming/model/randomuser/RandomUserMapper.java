package io.realtimestreaming.model.randomuser;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimestreaming.model.User;
import io.realtimestreaming.model.UserContract;
import io.realtimestreaming.model.UserContract.Rule;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Maps one element of a randomuser response's {@code results} to a valid {@link User}, or rejects
 * it with the {@link UserContract} rule it breaks.
 *
 * <p>Rejected: a missing or non-UUID {@code login.uuid} (it is the user's identity), a missing
 * {@code name.first}, {@code name.last}, {@code email} or {@code login.username}, a missing or
 * unparseable {@code dob.date} or {@code registered.date}, an object or array where one of the
 * fields read holds text, a user that breaks the contract once mapped (lengths, characters, email
 * shape, timestamp bounds), and a record that breaks it as received (too large, not UTF-8, escapes
 * PostgreSQL refuses, in any field). Everything else randomuser may leave out ({@code inc}/{@code
 * exc}) becomes null. {@code location.postcode} arrives as a number or a string and is kept as a
 * string; {@code id} (null {@code value} for some nationalities) is not used.
 *
 * <p>The record arrives bound to {@link RandomUserRecord} (see {@link RandomUserResult}) rather
 * than as a tree: only the fields used are materialized, which made mapping several times cheaper
 * than a tree read with JSON pointers.
 */
public final class RandomUserMapper {

  /**
   * @param ingestedAt when the record is ingested: the clock the contract's "not in the future" is
   *     checked against
   */
  public User toUser(RandomUserResult result, UUID ingestionRunId, Instant ingestedAt)
      throws MalformedUserException {
    User user = map(result.fields(), ingestionRunId, ingestedAt);
    // the user first, whose violations name a field; then what the record carries besides
    var broken =
        UserContract.check(user, ingestedAt).or(() -> UserContract.checkRawRecord(result.json()));
    if (broken.isPresent()) {
      throw new MalformedUserException(broken.get());
    }
    return user;
  }

  private static User map(RandomUserRecord r, UUID ingestionRunId, Instant ingestedAt)
      throws MalformedUserException {
    RandomUserRecord.Location location = r.location();
    RandomUserRecord.Login login = r.login();
    return new User(
        uuid("login.uuid", login == null ? null : login.uuid()),
        required("name.first", part(r.name(), RandomUserRecord.Name::first)),
        required("name.last", part(r.name(), RandomUserRecord.Name::last)),
        blankToNull(r.gender()),
        address(location),
        blankToNull(part(location, RandomUserRecord.Location::postcode)),
        required("email", r.email()),
        required("login.username", login == null ? null : login.username()),
        timestamp("dob.date", part(r.dob(), RandomUserRecord.Dated::date)),
        timestamp("registered.date", part(r.registered(), RandomUserRecord.Dated::date)),
        blankToNull(r.phone()),
        blankToNull(part(r.picture(), RandomUserRecord.Picture::medium)),
        blankToNull(r.nat()),
        ingestionRunId,
        ingestedAt,
        User.UNVERSIONED);
  }

  private static <B> String part(B block, Function<B, String> field) {
    return block == null ? null : field.apply(block);
  }

  /** {@code "<number> <street>, <city>, <state>, <country>"}, leaving out absent parts. */
  private static String address(RandomUserRecord.Location location) {
    if (location == null) {
      return null;
    }
    JsonNode street = location.street();
    String streetText =
        street == null || street.isValueNode()
            ? text(street)
            : join(" ", text(street.get("number")), text(street.get("name")));
    return join(
        ", ",
        streetText,
        blankToNull(location.city()),
        blankToNull(location.state()),
        blankToNull(location.country()));
  }

  /** A street part as text, or null when missing, null, blank or not a value. */
  private static String text(JsonNode node) {
    return node == null || !node.isValueNode() || node.isNull() ? null : blankToNull(node.asText());
  }

  private static String join(String separator, String... parts) {
    List<String> present = new ArrayList<>();
    for (String part : parts) {
      if (part != null) {
        present.add(part);
      }
    }
    return present.isEmpty() ? null : String.join(separator, present);
  }

  private static UUID uuid(String field, String value) throws MalformedUserException {
    String text = required(field, value);
    try {
      return UserContract.canonicalUuid(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedUserException(Rule.INVALID_UUID, field, e.getMessage());
    }
  }

  private static Instant timestamp(String field, String value) throws MalformedUserException {
    String text = required(field, value);
    try {
      return IsoTimestamps.parse(text);
    } catch (DateTimeParseException e) {
      throw new MalformedUserException(
          Rule.INVALID_TIMESTAMP,
          field,
          "'" + text + "' is not an ISO-8601 timestamp such as 1992-03-08T15:13:16.688Z");
    }
  }

  private static String required(String field, String value) throws MalformedUserException {
    String text = blankToNull(value);
    if (text == null) {
      throw new MalformedUserException(Rule.MISSING_FIELD, field, "is missing, null or blank");
    }
    return text;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
