package io.realtimestreaming.deploy.compose;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code .env} file as Compose reads it: {@code NAME=value} lines, {@code #} comments, values
 * optionally quoted. Only the names and the literal values matter here.
 */
public record EnvFile(Map<String, String> values) {

  public EnvFile {
    values = Map.copyOf(values);
  }

  public static EnvFile parse(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    int lineNumber = 0;
    for (String line : text.split("\\R")) {
      lineNumber++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      if (trimmed.startsWith("export ")) {
        trimmed = trimmed.substring("export ".length()).strip();
      }
      int equals = trimmed.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("line " + lineNumber + " is not NAME=value: " + line);
      }
      values.put(
          trimmed.substring(0, equals).strip(), value(trimmed.substring(equals + 1).strip()));
    }
    return new EnvFile(values);
  }

  private static String value(String raw) {
    if (raw.length() >= 2
        && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')
        && raw.endsWith(raw.substring(0, 1))) {
      return raw.substring(1, raw.length() - 1);
    }
    int comment = raw.indexOf(" #");
    return comment >= 0 ? raw.substring(0, comment).strip() : raw;
  }
}
