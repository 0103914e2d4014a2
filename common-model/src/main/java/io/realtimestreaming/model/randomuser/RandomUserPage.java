package io.realtimestreaming.model.randomuser;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One randomuser response body: its {@code results} and, unless {@code noinfo} was asked, the seed
 * and page it answers.
 *
 * @param results the user records, each for {@link RandomUserMapper#toUser}
 * @param seed {@code info.seed}, or null without an info block
 * @param page {@code info.page}, or 0 without an info block
 */
public record RandomUserPage(List<JsonNode> results, String seed, int page) {

  public RandomUserPage {
    results = List.copyOf(results);
  }

  /**
   * Reads a response body.
   *
   * @throws IllegalArgumentException if the body is randomuser's {@code {"error": ...}} answer or
   *     has no {@code results} array
   */
  public static RandomUserPage of(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("randomuser answered a body that is not a JSON object");
    }
    if (body.hasNonNull("error")) {
      throw new IllegalArgumentException(
          "randomuser answered an error: " + body.get("error").asText());
    }
    JsonNode results = body.path("results");
    if (!results.isArray()) {
      throw new IllegalArgumentException("randomuser answered a body without a results array");
    }
    List<JsonNode> records = new ArrayList<>(results.size());
    results.forEach(records::add);
    JsonNode info = body.path("info");
    return new RandomUserPage(records, info.path("seed").textValue(), info.path("page").asInt(0));
  }
}
