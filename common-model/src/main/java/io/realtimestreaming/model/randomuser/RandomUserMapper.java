package io.realtimestreaming.model.randomuser;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimestreaming.model.User;
import io.realtimestreaming.model.randomuser.MalformedUserException.Reason;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Maps one element of a randomuser response's {@code results} to a {@link User}, or rejects it.
 *
 * <p>Rejected: a missing or non-UUID {@code login.uuid} (it is the user's identity), a missing
 * {@code name.first}, {@code name.last}, {@code email} or {@code login.username}, and a missing or
 * unparseable {@code dob.date} or {@code registered.date}. Everything else randomuser may leave out
 * ({@code inc}/{@code exc}) becomes null. {@code location.postcode} arrives as a number or a string
 * and is kept as a string; {@code id} (null {@code value} for some nationalities) is not used.
 */
public final class RandomUserMapper {

  public User toUser(JsonNode result, UUID ingestionRunId, Instant ingestedAt)
      throws MalformedUserException {
    if (result == null || !result.isObject()) {
      throw new MalformedUserException(
          Reason.NOT_AN_OBJECT, "", "a randomuser result must be a JSON object, got: " + result);
    }
    return new User(
        uuid(result, "login.uuid"),
        required(result, "name.first"),
        required(result, "name.last"),
        optional(result, "gender"),
        address(result),
        optional(result, "location.postcode"),
        required(result, "email"),
        required(result, "login.username"),
        timestamp(result, "dob.date"),
        timestamp(result, "registered.date"),
        optional(result, "phone"),
        optional(result, "picture.medium"),
        optional(result, "nat"),
        ingestionRunId,
        ingestedAt);
  }

  /** {@code "<number> <street>, <city>, <state>, <country>"}, leaving out absent parts. */
  private static String address(JsonNode result) throws MalformedUserException {
    // API 1.4 sends street as {number, name}; versions before 1.2 sent one string.
    String street =
        result.at("/location/street").isValueNode()
            ? optional(result, "location.street")
            : join(
                " ",
                optional(result, "location.street.number"),
                optional(result, "location.street.name"));
    return join(
        ", ",
        street,
        optional(result, "location.city"),
        optional(result, "location.state"),
        optional(result, "location.country"));
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

  private static UUID uuid(JsonNode result, String field) throws MalformedUserException {
    String text = required(result, field);
    try {
      // UUID.fromString accepts shortened groups ("1-2-3-4-5"); insist on the canonical form.
      UUID uuid = UUID.fromString(text);
      if (uuid.toString().equalsIgnoreCase(text)) {
        return uuid;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new MalformedUserException(
        Reason.INVALID_UUID, field, field + " is not a UUID: '" + text + "'");
  }

  private static Instant timestamp(JsonNode result, String field) throws MalformedUserException {
    String text = required(result, field);
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new MalformedUserException(
          Reason.INVALID_TIMESTAMP,
          field,
          field + " is not an ISO-8601 timestamp such as 1992-03-08T15:13:16.688Z: '" + text + "'");
    }
  }

  private static String required(JsonNode result, String field) throws MalformedUserException {
    String text = optional(result, field);
    if (text == null) {
      throw new MalformedUserException(
          Reason.MISSING_FIELD, field, field + " is missing, null or blank");
    }
    return text;
  }

  /** The field as text (numbers included), or null when missing, null or blank. */
  private static String optional(JsonNode result, String field) throws MalformedUserException {
    JsonNode node = result.at("/" + field.replace('.', '/'));
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isValueNode()) {
      throw new MalformedUserException(
          Reason.INVALID_VALUE, field, field + " must be a string or a number, got: " + node);
    }
    String text = node.asText();
    return text.isBlank() ? null : text;
  }
}
