package io.realtimestreaming.model.randomuser;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.realtimestreaming.model.UserContract.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One element of a randomuser response's {@code results}: its JSON text as received, and its fields
 * bound for {@link RandomUserMapper}, or the reason they could not be.
 *
 * <p>Both come from one pass of the page's parser: the fields are bound straight from it, and the
 * text is the bytes between where the element starts and ends. Keeping the text costs a copy, not a
 * second serialization, and it goes to PostgreSQL ({@code users.raw}) as the bytes it arrived in.
 */
public final class RandomUserResult {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectReader FIELDS = JSON.readerFor(RandomUserRecord.class);

  private final byte[] json;
  private final RandomUserRecord fields;
  private final MalformedUserException rejection;

  private RandomUserResult(byte[] json, RandomUserRecord fields, MalformedUserException rejection) {
    this.json = json;
    this.fields = fields;
    this.rejection = rejection;
  }

  /** The element's JSON text exactly as the response carried it, in UTF-8. */
  public byte[] json() {
    return json;
  }

  /** The fields the mapper reads, or the reason they could not be read. */
  RandomUserRecord fields() throws MalformedUserException {
    if (rejection != null) {
      throw rejection;
    }
    return fields;
  }

  /**
   * Reads the element the parser stands on (its first token) and leaves the parser on its last.
   *
   * @param body the bytes the parser reads, for the element's text
   * @throws IOException if the body is not JSON
   */
  static RandomUserResult read(JsonParser parser, byte[] body) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      byte[] json = JSON.writeValueAsBytes(parser.readValueAsTree());
      return new RandomUserResult(json, null, notAnObject(json));
    }
    JsonStreamContext around = parser.getParsingContext().getParent();
    int start = (int) parser.currentTokenLocation().getByteOffset();
    RandomUserRecord fields = null;
    MalformedUserException rejection = null;
    try {
      fields = FIELDS.readValue(parser);
    } catch (JsonMappingException e) {
      rejection = rejection(e);
      while (parser.getParsingContext() != around) { // the rest of the element, unread
        parser.nextToken();
      }
    }
    int end = (int) parser.currentLocation().getByteOffset();
    return new RandomUserResult(Arrays.copyOfRange(body, start, end), fields, rejection);
  }

  private static MalformedUserException rejection(JsonMappingException e) {
    String field =
        e.getPath().stream()
            .map(JsonMappingException.Reference::getFieldName)
            .collect(Collectors.joining("."));
    boolean text =
        e instanceof MismatchedInputException mismatch && mismatch.getTargetType() == String.class;
    return new MalformedUserException(
        Rule.WRONG_TYPE,
        field,
        "must be " + (text ? "a string or a number" : "an object") + ", got " + found(e));
  }

  /** What the parser stood on when binding failed: "an object", "an array", "'Ann'"... */
  private static String found(JsonMappingException e) {
    if (!(e.getProcessor() instanceof JsonParser parser) || parser.currentToken() == null) {
      return "something else";
    }
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT || token == JsonToken.FIELD_NAME) {
      return "an object";
    }
    if (token == JsonToken.START_ARRAY) {
      return "an array";
    }
    try {
      return "'" + parser.getText() + "'";
    } catch (IOException unreadable) {
      return "something else";
    }
  }

  private static MalformedUserException notAnObject(byte[] json) {
    String text = new String(json, StandardCharsets.UTF_8);
    return new MalformedUserException(
        Rule.NOT_AN_OBJECT,
        "",
        "a randomuser result must be a JSON object, got: "
            + (text.length() > 100 ? text.substring(0, 100) + "..." : text));
  }
}
