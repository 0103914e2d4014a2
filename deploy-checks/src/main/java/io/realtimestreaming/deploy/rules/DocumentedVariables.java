package io.realtimestreaming.deploy.rules;

import io.realtimestreaming.deploy.compose.ComposeFile;
import io.realtimestreaming.deploy.compose.EnvFile;
import io.realtimestreaming.deploy.compose.VariableReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code .env.example} lists every setting: each variable the compose file uses is there, a default
 * written into the compose file ({@code ${NAME:-default}}) equals the one listed, and nothing is
 * listed that the compose file does not use.
 */
public final class DocumentedVariables {

  public static final String RULE = "documented-variables";

  private DocumentedVariables() {}

  public static List<Violation> check(ComposeFile compose, EnvFile example) {
    Set<Violation> violations = new LinkedHashSet<>();
    Set<String> used = new LinkedHashSet<>();
    for (VariableReference ref : compose.variables()) {
      used.add(ref.name());
      String listed = example.values().get(ref.name());
      if (listed == null) {
        violations.add(
            new Violation(
                RULE,
                "${" + ref.name() + "}",
                "docker-compose.yml uses it, .env.example does not list it"));
      } else if (ref.hasDefault() && !ref.argument().equals(listed)) {
        violations.add(
            new Violation(
                RULE,
                "${" + ref.name() + "}",
                "docker-compose.yml defaults it to '"
                    + ref.argument()
                    + "', .env.example to '"
                    + listed
                    + "'"));
      }
    }
    for (String name : example.values().keySet()) {
      if (!used.contains(name)) {
        violations.add(
            new Violation(RULE, name, ".env.example lists it, docker-compose.yml never uses it"));
      }
    }
    return new ArrayList<>(violations);
  }
}
