package io.realtimestreaming.ingest.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Which field of a request body could not be read ({@link StrictJsonReading}) and why, for the 400
 * {@link ApiProblems} answers: {@code nat} "is not a field of this request", {@code count} "must be
 * an integer", {@code count} "is given more than once". Never the value, which may be long or hold
 * line breaks.
 */
final class UnreadableBody {

  /** The parser's complaint about a field given twice (STRICT_DUPLICATE_DETECTION). */
  private static final Pattern DUPLICATE = Pattern.compile("^Duplicate [A-Za-z ]*\"([^\"]*)\"");

  /** What a JSON value of a Java type is called in an error. */
  private static final Map<Class<?>, String> JSON_TYPES =
      Map.of(
          Integer.class, "an integer",
          int.class, "an integer",
          String.class, "a string",
          List.class, "an array");

  private UnreadableBody() {}

  /**
   * @param field the JSON path, e.g. {@code count} or {@code nationalities[1]}
   */
  record Field(String field, String message) {}

  /** The field at fault; empty when the body is no JSON object at all, or no field is to blame. */
  static Optional<Field> of(HttpMessageNotReadableException e) {
    if (!(e.getCause() instanceof JacksonException j)) {
      return Optional.empty();
    }
    Matcher duplicate = DUPLICATE.matcher(String.valueOf(j.getOriginalMessage()));
    if (j instanceof StreamReadException && duplicate.find()) {
      return Optional.of(new Field(duplicate.group(1), "is given more than once"));
    }
    if (j.getPath().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Field(path(j), reason(j)));
  }

  private static String path(JacksonException e) {
    return e.getPath().stream()
        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String reason(JacksonException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return "is not a field of this request (known: "
          + u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()
          + ")";
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return "must be " + JSON_TYPES.getOrDefault(m.getTargetType(), "of another type");
    }
    return "has the wrong type or format";
  }
}
