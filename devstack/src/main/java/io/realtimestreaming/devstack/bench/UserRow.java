package io.realtimestreaming.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A user as the ingest service stores it (the {@code users} columns but id, run and ingestion time,
 * which the raw phases set per row), mapped from a randomuser record as common-model's
 * RandomUserMapper maps it.
 */
record UserRow(
    String firstName,
    String lastName,
    String gender,
    String address,
    String postCode,
    String email,
    String username,
    Instant dob,
    Instant registeredDate,
    String phone,
    String picture,
    String nationality,
    String rawJson) {

  static UserRow from(JsonNode result) {
    return new UserRow(
        text(result, "/name/first"),
        text(result, "/name/last"),
        text(result, "/gender"),
        address(result),
        text(result, "/location/postcode"),
        text(result, "/email"),
        text(result, "/login/username"),
        Instant.parse(result.at("/dob/date").asText()),
        Instant.parse(result.at("/registered/date").asText()),
        text(result, "/phone"),
        text(result, "/picture/medium"),
        text(result, "/nat"),
        result.toString());
  }

  private static String address(JsonNode result) {
    List<String> parts = new ArrayList<>();
    String street =
        join(" ", text(result, "/location/street/number"), text(result, "/location/street/name"));
    for (String part :
        new String[] {
          street,
          text(result, "/location/city"),
          text(result, "/location/state"),
          text(result, "/location/country")
        }) {
      if (part != null) {
        parts.add(part);
      }
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }

  private static String join(String separator, String a, String b) {
    return a == null ? b : b == null ? a : a + separator + b;
  }

  private static String text(JsonNode result, String pointer) {
    JsonNode node = result.at(pointer);
    return node.isMissingNode() || node.isNull() || node.asText().isBlank() ? null : node.asText();
  }
}
