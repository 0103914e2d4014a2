package io.realtimestreaming.deploy.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?error}} (and {@code -}, {@code ?},
 * {@code +} forms) or {@code $NAME} that Compose replaces from the environment and {@code .env};
 * {@code $$} is an escaped dollar and no reference. Nested references are not supported.
 */
public record VariableReference(String name, String operator, String argument) {

  private static final Pattern REFERENCE =
      Pattern.compile(
          "\\$(?:\\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:?[-?+])(?<arg>[^}]*))?}"
              + "|(?<bare>[A-Za-z_][A-Za-z0-9_]*))");

  /** Every reference in {@code text}, in order. */
  public static List<VariableReference> scan(String text) {
    List<VariableReference> references = new ArrayList<>();
    Matcher m = REFERENCE.matcher(text);
    int from = 0;
    while (true) {
      int dollar = text.indexOf('$', from);
      if (dollar < 0 || dollar == text.length() - 1) {
        return references;
      }
      if (text.charAt(dollar + 1) == '$') {
        from = dollar + 2;
        continue;
      }
      m.region(dollar, text.length());
      if (m.lookingAt()) {
        references.add(
            m.group("bare") != null
                ? new VariableReference(m.group("bare"), "", "")
                : new VariableReference(
                    m.group("name"),
                    m.group("op") == null ? "" : m.group("op"),
                    m.group("arg") == null ? "" : m.group("arg")));
        from = m.end();
      } else {
        from = dollar + 1;
      }
    }
  }

  /**
   * {@code text} as Compose reads it when no variable is set: each {@code ${NAME:-default}} or
   * {@code ${NAME-default}} becomes its default; any other reference is left as it is.
   */
  public static String withDefaults(String text) {
    Matcher m = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]*)}").matcher(text);
    StringBuilder resolved = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(resolved, Matcher.quoteReplacement(m.group(1)));
    }
    return m.appendTail(resolved).toString();
  }

  /** {@code ${NAME:-default}} or {@code ${NAME-default}}: Compose uses the argument when unset. */
  public boolean hasDefault() {
    return operator.equals(":-") || operator.equals("-");
  }
}
