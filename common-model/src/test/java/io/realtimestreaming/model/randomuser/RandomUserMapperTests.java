package io.realtimestreaming.model.randomuser;

import static io.realtimestreaming.model.randomuser.RandomUserFixtures.JSON;
import static io.realtimestreaming.model.randomuser.RandomUserFixtures.remove;
import static io.realtimestreaming.model.randomuser.RandomUserFixtures.sampleUser;
import static io.realtimestreaming.model.randomuser.RandomUserFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.realtimestreaming.model.User;
import io.realtimestreaming.model.UserContract.Rule;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RandomUserMapperTests {

  static final UUID RUN = UUID.fromString("00000000-0000-4000-8000-000000000001");
  static final Instant INGESTED = Instant.parse("2025-01-02T03:04:05.678Z");

  final RandomUserMapper mapper = new RandomUserMapper();

  @Test
  void mapsTheDocumentationSample() throws Exception {
    User user = toUser(sampleUser(), RUN, INGESTED);

    assertThat(user)
        .isEqualTo(
            new User(
                UUID.fromString("7a0eed16-9430-4d68-901f-c0d4c1c3bf00"),
                "Jennie",
                "Nichols",
                "female",
                "8929 Valwood Pkwy, Billings, Michigan, United States",
                "63104",
                "jennie.nichols@example.com",
                "yellowpeacock117",
                Instant.parse("1992-03-08T15:13:16.688Z"),
                Instant.parse("2007-07-09T05:51:59.390Z"),
                "(272) 790-0888",
                "https://randomuser.me/api/portraits/med/men/75.jpg",
                "US",
                RUN,
                INGESTED,
                User.UNVERSIONED));
  }

  @Test
  void keepsANumericPostcodeAsAString() throws Exception {
    User user = toUser(with(sampleUser(), "location.postcode", 63104), RUN, INGESTED);

    assertThat(user.postCode()).isEqualTo("63104");
  }

  @Test
  void keepsAStringPostcodeAsSent() throws Exception { // GB and CA send letters
    User user = toUser(with(sampleUser(), "location.postcode", "W1A 1AA"), RUN, INGESTED);

    assertThat(user.postCode()).isEqualTo("W1A 1AA");
  }

  @Test
  void acceptsANullIdValueWithAnEmptyIdName() throws Exception { // IR, NZ, TR, UA
    ObjectNode record = with(with(sampleUser(), "id.name", ""), "id.value", null);

    assertThat(toUser(record, RUN, INGESTED).username()).isEqualTo("yellowpeacock117");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Çetin", "Мирослава", "هستی", "Jørgen", "Ñaño"})
  void keepsUnicodeNamesIntact(String name) throws Exception {
    ObjectNode record = with(with(sampleUser(), "name.first", name), "name.last", name);
    // through serialized bytes, as the HTTP client receives them
    JsonNode parsed = JSON.readTree(JSON.writeValueAsBytes(record));

    User user = toUser(parsed, RUN, INGESTED);

    assertThat(user.firstName()).isEqualTo(name);
    assertThat(user.lastName()).isEqualTo(name);
  }

  @Test
  void leavesWhatRandomUserOmittedNull() throws Exception { // inc/exc drop whole blocks
    ObjectNode record = sampleUser();
    for (String field : new String[] {"phone", "picture", "nat", "gender", "location"}) {
      remove(record, field);
    }

    User user = toUser(record, RUN, INGESTED);

    assertThat(user.phone()).isNull();
    assertThat(user.picture()).isNull();
    assertThat(user.nationality()).isNull();
    assertThat(user.gender()).isNull();
    assertThat(user.address()).isNull();
    assertThat(user.postCode()).isNull();
  }

  @Test
  void treatsANullPhoneAsMissing() throws Exception {
    assertThat(toUser(with(sampleUser(), "phone", null), RUN, INGESTED).phone()).isNull();
  }

  @Test
  void buildsTheAddressFromThePartsPresent() throws Exception {
    ObjectNode record = remove(remove(sampleUser(), "location.state"), "location.street.number");

    assertThat(toUser(record, RUN, INGESTED).address())
        .isEqualTo("Valwood Pkwy, Billings, United States");
  }

  @Test
  void acceptsTheOneStringStreetOfOlderApiVersions() throws Exception {
    ObjectNode record = with(sampleUser(), "location.street", "8929 valwood pkwy");

    assertThat(toUser(record, RUN, INGESTED).address())
        .isEqualTo("8929 valwood pkwy, Billings, Michigan, United States");
  }

  @Test
  void acceptsTimestampsWithAnOffset() throws Exception {
    ObjectNode record = with(sampleUser(), "dob.date", "1992-03-08T17:13:16.688+02:00");

    assertThat(toUser(record, RUN, INGESTED).dob())
        .isEqualTo(Instant.parse("1992-03-08T15:13:16.688Z"));
  }

  @ParameterizedTest(name = "{0} = {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          login.uuid      | <missing>           | MISSING_FIELD
          login.uuid      | abc                 | INVALID_UUID
          login.uuid      | 1-2-3-4-5           | INVALID_UUID
          name.first      | <missing>           | MISSING_FIELD
          name.first      | ' '                 | MISSING_FIELD
          name.last       | <null>              | MISSING_FIELD
          email           | <missing>           | MISSING_FIELD
          email           | ''                  | MISSING_FIELD
          login.username  | <missing>           | MISSING_FIELD
          dob.date        | <missing>           | MISSING_FIELD
          dob.date        | yesterday           | INVALID_TIMESTAMP
          dob.date        | 1992-03-08T15:13:16 | INVALID_TIMESTAMP
          registered.date | <null>              | MISSING_FIELD
          registered.date | 2007-13-45          | INVALID_TIMESTAMP
          """)
  void rejectsAMalformedFieldNamingIt(String field, String value, Rule reason) {
    ObjectNode record =
        switch (value) {
          case "<missing>" -> remove(sampleUser(), field);
          case "<null>" -> with(sampleUser(), field, null);
          default -> with(sampleUser(), field, value);
        };

    assertRejected(record, reason, field);
  }

  @Test
  void rejectsAMissingBlockNamingTheFirstFieldNeeded() {
    assertRejected(remove(sampleUser(), "name"), Rule.MISSING_FIELD, "name.first");
    assertRejected(remove(sampleUser(), "dob"), Rule.MISSING_FIELD, "dob.date");
    assertRejected(remove(sampleUser(), "login"), Rule.MISSING_FIELD, "login.uuid");
  }

  @Test
  void rejectsAnObjectWhereTextBelongs() {
    assertRejected(with(sampleUser(), "email", JSON.createObjectNode()), Rule.WRONG_TYPE, "email");
    assertRejected(
        with(sampleUser(), "name.first", JSON.createArrayNode().add("Jen")),
        Rule.WRONG_TYPE,
        "name.first");
  }

  @Test
  void rejectsTextWhereABlockBelongs() {
    MalformedUserException e =
        catchThrowableOfType(
            MalformedUserException.class,
            () -> toUser(with(sampleUser(), "name", "Jennie Nichols"), RUN, INGESTED));

    assertThat(e.rule()).isEqualTo(Rule.WRONG_TYPE);
    assertThat(e).hasMessage("wrong_type name: must be an object, got 'Jennie Nichols'");
  }

  @Test
  void quotesTheBadValueInTheMessage() {
    MalformedUserException e =
        catchThrowableOfType(
            MalformedUserException.class,
            () -> toUser(with(sampleUser(), "login.uuid", "abc"), RUN, INGESTED));

    assertThat(e)
        .hasMessage(
            "invalid_uuid login.uuid: 'abc' is not a UUID such as 00000000-0000-0000-0000-000000000000");
    assertThat(e.rule().code()).isEqualTo("invalid_uuid");
  }

  @Test
  void rejectsWhatTheStoresDownstreamWouldRefuse() {
    assertRejected(
        with(sampleUser(), "name.first", "Jen\u0000nie"), Rule.INVALID_CHARACTER, "first_name");
    assertRejected(
        with(sampleUser(), "name.last", "Nich\uD800ols"), Rule.INVALID_CHARACTER, "last_name");
    assertRejected(
        with(sampleUser(), "name.first", "Jen\r\nnie"), Rule.INVALID_CHARACTER, "first_name");
    assertRejected(with(sampleUser(), "email", "jennie.example.com"), Rule.INVALID_EMAIL, "email");
    assertRejected(
        with(sampleUser(), "registered.date", "2031-01-01T00:00:00.000Z"),
        Rule.TIMESTAMP_OUT_OF_RANGE,
        "registered_date");
    assertRejected(
        with(sampleUser(), "dob.date", "+999999999-12-31T23:59:59.999Z"),
        Rule.TIMESTAMP_OUT_OF_RANGE,
        "dob");
    assertRejected(with(sampleUser(), "phone", "0".repeat(65)), Rule.FIELD_TOO_LONG, "phone");
  }

  @Test
  void rejectsAFieldOfMegabytesAndARecordOfMegabytes() {
    assertRejected(
        with(sampleUser(), "name.first", "J".repeat(2 * 1024 * 1024)),
        Rule.FIELD_TOO_LONG,
        "first_name");
    assertRejected(
        with(sampleUser(), "cell", "0".repeat(2 * 1024 * 1024)), Rule.RECORD_TOO_LARGE, "");
  }

  @Test
  void rejectsANulEscapeEvenInAFieldItDoesNotMap() { // users.raw is jsonb, which refuses it
    assertRejected(with(sampleUser(), "cell", "a\u0000b"), Rule.INVALID_CHARACTER, "");
  }

  @Test
  void rejectsAResultThatIsNotAnObject() {
    MalformedUserException e =
        catchThrowableOfType(
            MalformedUserException.class, () -> toUser(JSON.valueToTree("x"), RUN, INGESTED));

    assertThat(e.rule()).isEqualTo(Rule.NOT_AN_OBJECT);
  }

  private void assertRejected(ObjectNode record, Rule reason, String field) {
    MalformedUserException e =
        catchThrowableOfType(MalformedUserException.class, () -> toUser(record, RUN, INGESTED));

    assertThat(e).as("rejection of %s", record).isNotNull();
    assertThat(e.rule()).isEqualTo(reason);
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage())
        .startsWith(reason.code() + (field.isEmpty() ? "" : " " + field) + ": ");
  }

  /** The mapper reads a result as a page carries it. */
  private User toUser(JsonNode result, UUID run, Instant ingestedAt) throws MalformedUserException {
    try {
      ObjectNode body = JSON.createObjectNode();
      body.putArray("results").add(result);
      return mapper.toUser(
          RandomUserPage.parse(JSON.writeValueAsBytes(body)).results().get(0), run, ingestedAt);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
