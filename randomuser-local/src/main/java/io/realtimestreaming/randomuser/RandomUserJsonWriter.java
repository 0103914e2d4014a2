package io.realtimestreaming.randomuser;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.realtimestreaming.randomuser.RandomUser.Location;
import io.realtimestreaming.randomuser.RandomUser.Login;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes response bodies in randomuser 1.4's field order and JSON types, streaming through a {@link
 * JsonGenerator} (a 5000-user page is ~7 MB; no tree is built).
 */
final class RandomUserJsonWriter {

  /** What randomuser.me answers for every error. */
  static final String API_ERROR =
      "Uh oh, something has gone wrong. Please tweet us @randomapi about the issue. Thank you.";

  /** What a proxy answers, with status 200 when it is misconfigured, while the API is away. */
  static final String HTML_ERROR =
      "<html><head><title>502 Bad Gateway</title></head>"
          + "<body><center><h1>502 Bad Gateway</h1></center></body></html>\n";

  private final JsonFactory factory = new JsonFactory();

  /** Writes the page and closes {@code out}. */
  void writePage(OutputStream out, RandomUserQuery query, List<RandomUser> users)
      throws IOException {
    try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
      if (query.pretty()) {
        json.useDefaultPrettyPrinter();
      }
      json.writeStartObject();
      json.writeArrayFieldStart("results");
      for (RandomUser user : users) {
        writeUser(json, query, user);
      }
      json.writeEndArray();
      if (!query.noinfo()) {
        json.writeObjectFieldStart("info");
        json.writeStringField("seed", query.seed());
        json.writeNumberField("results", users.size());
        json.writeNumberField("page", query.page());
        json.writeStringField("version", "1.4");
        json.writeEndObject();
      }
      json.writeEndObject();
    }
  }

  /**
   * Writes what a proxy in front of an API answers when the API is away, and closes {@code out}.
   */
  void writeHtmlError(OutputStream out) throws IOException {
    try (out) {
      out.write(HTML_ERROR.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Writes {@code {"error": message}} and closes {@code out}. */
  void writeError(OutputStream out, String message) throws IOException {
    try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeStringField("error", message);
      json.writeEndObject();
    }
  }

  private static void writeUser(JsonGenerator json, RandomUserQuery query, RandomUser user)
      throws IOException {
    json.writeStartObject();
    for (UserField field : UserField.values()) {
      if (query.includes(field)) {
        writeField(json, field, user);
      }
    }
    json.writeEndObject();
  }

  private static void writeField(JsonGenerator json, UserField field, RandomUser user)
      throws IOException {
    switch (field) {
      case GENDER -> json.writeStringField("gender", user.gender());
      case NAME -> {
        json.writeObjectFieldStart("name");
        json.writeStringField("title", user.name().title());
        text(json, "first", user.name().first());
        text(json, "last", user.name().last());
        json.writeEndObject();
      }
      case LOCATION -> writeLocation(json, user.location());
      case EMAIL -> {
        if (user.email() != null) {
          json.writeStringField("email", user.email());
        }
      }
      case LOGIN -> writeLogin(json, user.login());
      case DOB -> writeDated(json, "dob", user.dob());
      case REGISTERED -> writeDated(json, "registered", user.registered());
      case PHONE -> text(json, "phone", user.phone());
      case CELL -> json.writeStringField("cell", user.cell());
      case ID -> {
        json.writeObjectFieldStart("id");
        json.writeStringField("name", user.id().name());
        json.writeStringField("value", user.id().value()); // null is written as JSON null
        json.writeEndObject();
      }
      case PICTURE -> {
        json.writeObjectFieldStart("picture");
        json.writeStringField("large", user.picture().large());
        json.writeStringField("medium", user.picture().medium());
        json.writeStringField("thumbnail", user.picture().thumbnail());
        json.writeEndObject();
      }
      case NAT -> json.writeStringField("nat", user.nat());
    }
  }

  /**
   * A text field where the {@code mixed} fault may put a lone surrogate: that one goes as its
   * {@code \\u} escape, as a broken upstream would send it (Jackson refuses to write it).
   */
  private static void text(JsonGenerator json, String field, String value) throws IOException {
    if (!hasLoneSurrogate(value)) {
      json.writeStringField(field, value);
      return;
    }
    StringBuilder quoted = new StringBuilder(value.length() + 16).append('"');
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    json.writeFieldName(field);
    json.writeRawValue(quoted.append('"').toString());
  }

  private static boolean hasLoneSurrogate(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private static void writeLocation(JsonGenerator json, Location location) throws IOException {
    json.writeObjectFieldStart("location");
    json.writeObjectFieldStart("street");
    json.writeNumberField("number", location.street().number());
    json.writeStringField("name", location.street().name());
    json.writeEndObject();
    json.writeStringField("city", location.city());
    json.writeStringField("state", location.state());
    json.writeStringField("country", location.country());
    json.writeFieldName("postcode");
    if (location.postcode().numeric()) {
      json.writeNumber(location.postcode().value());
    } else {
      json.writeString(location.postcode().value());
    }
    json.writeObjectFieldStart("coordinates");
    json.writeStringField("latitude", location.coordinates().latitude());
    json.writeStringField("longitude", location.coordinates().longitude());
    json.writeEndObject();
    json.writeObjectFieldStart("timezone");
    json.writeStringField("offset", location.timezone().offset());
    json.writeStringField("description", location.timezone().description());
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeLogin(JsonGenerator json, Login login) throws IOException {
    json.writeObjectFieldStart("login");
    if (login.uuid() != null) {
      json.writeStringField("uuid", login.uuid());
    }
    json.writeStringField("username", login.username());
    json.writeStringField("password", login.password());
    json.writeStringField("salt", login.salt());
    json.writeStringField("md5", login.md5());
    json.writeStringField("sha1", login.sha1());
    json.writeStringField("sha256", login.sha256());
    json.writeEndObject();
  }

  private static void writeDated(JsonGenerator json, String name, RandomUser.Dated dated)
      throws IOException {
    json.writeObjectFieldStart(name);
    json.writeStringField("date", dated.date());
    json.writeNumberField("age", dated.age());
    json.writeEndObject();
  }
}
