package io.realtimestreaming.deploy.rules;

import io.realtimestreaming.deploy.compose.ComposeFile;
import io.realtimestreaming.deploy.compose.ComposeService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each service's environment sets what its configuration requires: the settings whose built-in
 * defaults are wrong in a container (they point at 127.0.0.1) or that must be given (secrets).
 */
public final class RequiredSettings {

  public static final String RULE = "required-settings";

  private RequiredSettings() {}

  /**
   * @param requiredByService service name -> the environment variables it must set
   */
  public static List<Violation> check(
      ComposeFile compose, Map<String, ? extends Collection<String>> requiredByService) {
    List<Violation> violations = new ArrayList<>();
    requiredByService.forEach(
        (name, settings) -> {
          Optional<ComposeService> service = compose.service(name);
          if (service.isEmpty()) {
            violations.add(
                new Violation(RULE, name, "no such service, yet it must run with " + settings));
            return;
          }
          for (String setting : settings) {
            String value = service.get().environment().get(setting);
            if (value == null || value.isBlank()) {
              violations.add(
                  new Violation(
                      RULE,
                      name,
                      "its environment does not set "
                          + setting
                          + ", which its configuration requires"));
            }
          }
        });
    return violations;
  }
}
