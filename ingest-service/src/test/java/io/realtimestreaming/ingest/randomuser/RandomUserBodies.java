package io.realtimestreaming.ingest.randomuser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * randomuser 1.4 response bodies for a stubbed upstream: copies of the documentation sample's user,
 * each with an id derived from (seed, page, index), so the same page always has the same users.
 */
public final class RandomUserBodies {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode SAMPLE = load();

  private RandomUserBodies() {}

  /** A page of {@code count} valid users. */
  public static String page(String seed, int page, int count) {
    return body(seed, page, count, -1);
  }

  /** A page of {@code count} users whose record at {@code brokenIndex} has no login.uuid. */
  public static String pageWithoutUuidAt(String seed, int page, int count, int brokenIndex) {
    return body(seed, page, count, brokenIndex);
  }

  /**
   * A page of {@code count} users, the record at each index of {@code changes} changed by it (see
   * {@link #set}).
   */
  public static String pageWith(
      String seed, int page, int count, Map<Integer, UnaryOperator<ObjectNode>> changes) {
    try {
      ObjectNode body = (ObjectNode) JSON.readTree(page(seed, page, count));
      ArrayNode results = (ArrayNode) body.get("results");
      changes.forEach(
          (index, change) -> results.set(index, change.apply((ObjectNode) results.get(index))));
      return body.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A change for {@link #pageWith}: the dotted {@code field} of the record set to {@code value}.
   */
  public static UnaryOperator<ObjectNode> set(String field, Object value) {
    return user -> {
      int dot = field.lastIndexOf('.');
      ObjectNode parent =
          dot < 0 ? user : (ObjectNode) user.at("/" + field.substring(0, dot).replace('.', '/'));
      parent.set(field.substring(dot + 1), JSON.valueToTree(value));
      return user;
    };
  }

  /** A change for {@link #pageWith}: the record replaced by user {@code index} of another page. */
  public static UnaryOperator<ObjectNode> userOf(String seed, int page, int index) {
    return ignored -> {
      try {
        return (ObjectNode) JSON.readTree(page(seed, page, index + 1)).path("results").get(index);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  public static UUID userId(String seed, int page, int index) {
    return UUID.nameUUIDFromBytes((seed + "/" + page + "/" + index).getBytes());
  }

  private static String body(String seed, int page, int count, int brokenIndex) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode results = body.putArray("results");
    for (int i = 0; i < count; i++) {
      ObjectNode user = SAMPLE.path("results").get(0).deepCopy();
      ObjectNode login = (ObjectNode) user.get("login");
      if (i == brokenIndex) {
        login.remove("uuid");
      } else {
        login.put("uuid", userId(seed, page, i).toString());
      }
      login.put("username", "user" + page + "x" + i);
      results.add(user);
    }
    body.putObject("info")
        .put("seed", seed)
        .put("results", count)
        .put("page", page)
        .put("version", "1.4");
    return body.toString();
  }

  private static JsonNode load() {
    try (InputStream in =
        RandomUserBodies.class.getResourceAsStream("/randomuser/docs-sample-v1.4.json")) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
