package io.realtimestreaming.model.randomuser;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One randomuser response body: its {@code results} and, unless {@code noinfo} was asked, the seed
 * and page it answers.
 *
 * @param results the user records
 * @param seed {@code info.seed}, or null without an info block
 * @param page {@code info.page}, or 0 without an info block
 */
public record RandomUserPage(List<RandomUserResult> results, String seed, int page) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public RandomUserPage {
    results = List.copyOf(results);
  }

  /**
   * Reads a response body, in one pass: each result is bound as it is read (see {@link
   * RandomUserResult}).
   *
   * @throws IOException if the body is not JSON
   * @throws IllegalArgumentException if the body is randomuser's {@code {"error": ...}} answer or
   *     has no {@code results} array
   */
  public static RandomUserPage parse(byte[] body) throws IOException {
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("randomuser answered a body that is not a JSON object");
      }
      List<RandomUserResult> results = null;
      JsonNode info = null;
      String error = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("results") && value == JsonToken.START_ARRAY) {
          results = results(parser, body);
        } else if (field.equals("info")) {
          info = parser.readValueAsTree();
        } else if (field.equals("error")) {
          error = text(parser.readValueAsTree());
        } else {
          parser.skipChildren();
        }
      }
      if (error != null) {
        throw new IllegalArgumentException("randomuser answered an error: " + error);
      }
      if (results == null) {
        throw new IllegalArgumentException("randomuser answered a body without a results array");
      }
      return info == null
          ? new RandomUserPage(results, null, 0)
          : new RandomUserPage(results, info.path("seed").textValue(), info.path("page").asInt(0));
    }
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  /** The elements of the array the parser is at the start of. */
  private static List<RandomUserResult> results(JsonParser parser, byte[] body) throws IOException {
    List<RandomUserResult> results = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      results.add(RandomUserResult.read(parser, body));
    }
    return results;
  }
}
