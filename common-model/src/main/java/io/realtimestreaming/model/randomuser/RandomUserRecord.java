package io.realtimestreaming.model.randomuser;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of a randomuser result that {@link RandomUserMapper} reads, bound by Jackson; every
 * other field ({@code id}, {@code cell}, {@code location.coordinates}, the login hashes, ...) is
 * skipped unread. Text fields take numbers as text (postcodes arrive as either).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RandomUserRecord(
    String gender,
    Name name,
    Location location,
    String email,
    Login login,
    Dated dob,
    Dated registered,
    String phone,
    Picture picture,
    String nat) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Name(String first, String last) {}

  /**
   * @param street {@code {number, name}} in API 1.4, one string before 1.2
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Location(JsonNode street, String city, String state, String country, String postcode) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Login(String uuid, String username) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Dated(String date) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Picture(String medium) {}
}
