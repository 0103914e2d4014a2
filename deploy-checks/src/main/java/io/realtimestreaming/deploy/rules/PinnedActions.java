package io.realtimestreaming.deploy.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A GitHub Actions workflow uses each action at a fixed release: {@code owner/repo@v4.2.2} (a full
 * version) or a 40-digit commit SHA, never {@code @v4}, {@code @main} or no ref. Local actions
 * ({@code ./...}) are part of the repository and exempt.
 */
public final class PinnedActions {

  public static final String RULE = "pinned-actions";

  private static final Pattern FULL_VERSION = Pattern.compile("v?\\d+\\.\\d+\\.\\d+");
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

  private PinnedActions() {}

  public static List<Violation> check(String workflowName, String workflowYaml) {
    Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(workflowYaml);
    List<Violation> violations = new ArrayList<>();
    if (!(root instanceof Map<?, ?> workflow)
        || !(workflow.get("jobs") instanceof Map<?, ?> jobs)) {
      return List.of(new Violation(RULE, workflowName, "is no workflow: it has no jobs"));
    }
    jobs.forEach(
        (job, spec) -> {
          if (!(spec instanceof Map<?, ?> jobSpec)) {
            return;
          }
          List<Object> uses = new ArrayList<>();
          uses.add(jobSpec.get("uses"));
          if (jobSpec.get("steps") instanceof Collection<?> steps) {
            steps.forEach(step -> uses.add(step instanceof Map<?, ?> s ? s.get("uses") : null));
          }
          uses.stream()
              .filter(u -> u != null && !u.toString().startsWith("./"))
              .map(Object::toString)
              .filter(u -> !isPinned(u))
              .forEach(
                  u ->
                      violations.add(
                          new Violation(
                              RULE,
                              workflowName + " job " + job,
                              "uses " + u + ": pin a full version (v4.2.2) or a commit SHA")));
        });
    return violations;
  }

  private static boolean isPinned(String uses) {
    int at = uses.lastIndexOf('@');
    if (at < 0) {
      return false;
    }
    String ref = uses.substring(at + 1);
    return FULL_VERSION.matcher(ref).matches() || COMMIT.matcher(ref).matches();
  }
}
