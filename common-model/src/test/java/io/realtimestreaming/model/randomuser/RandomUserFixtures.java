package io.realtimestreaming.model.randomuser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The randomuser documentation sample, and variants of its one user as the API sends them. */
final class RandomUserFixtures {

  static final ObjectMapper JSON = new ObjectMapper();

  private RandomUserFixtures() {}

  static JsonNode sampleBody() {
    try {
      return JSON.readTree(sampleBodyBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] sampleBodyBytes() {
    try (InputStream in =
        RandomUserFixtures.class.getResourceAsStream("/randomuser/docs-sample-v1.4.json")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh, mutable copy of the sample's user (Jennie Nichols, US). */
  static ObjectNode sampleUser() {
    return (ObjectNode) sampleBody().path("results").get(0).deepCopy();
  }

  /** Sets or removes (value {@code null}: JSON null; use {@link #remove}) a dotted field. */
  static ObjectNode with(ObjectNode user, String field, Object value) {
    ObjectNode parent = parent(user, field);
    String name = field.substring(field.lastIndexOf('.') + 1);
    parent.set(name, JSON.valueToTree(value));
    return user;
  }

  static ObjectNode remove(ObjectNode user, String field) {
    parent(user, field).remove(field.substring(field.lastIndexOf('.') + 1));
    return user;
  }

  private static ObjectNode parent(ObjectNode user, String field) {
    int dot = field.lastIndexOf('.');
    return dot < 0 ? user : (ObjectNode) user.at("/" + field.substring(0, dot).replace('.', '/'));
  }
}
