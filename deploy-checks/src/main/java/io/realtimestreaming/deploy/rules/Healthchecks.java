package io.realtimestreaming.deploy.rules;

import io.realtimestreaming.deploy.compose.ComposeFile;
import io.realtimestreaming.deploy.compose.ComposeService;
import java.util.ArrayList;
import java.util.List;

/**
 * Every service has a healthcheck (a {@code test} that is not {@code NONE}, not disabled), so that
 * others can wait for it and {@code docker compose up --wait} means "ready". Exempt: one-shots
 * ({@link ComposeFile#isOneShot}), which run to completion and are waited for with {@code
 * service_completed_successfully}; that wait is also what lets {@code up --wait} accept their exit.
 */
public final class Healthchecks {

  public static final String RULE = "healthchecks";

  private Healthchecks() {}

  public static List<Violation> check(ComposeFile compose) {
    List<Violation> violations = new ArrayList<>();
    for (ComposeService service : compose.services().values()) {
      if (!service.hasHealthcheck() && !compose.isOneShot(service.name())) {
        violations.add(
            new Violation(
                RULE,
                service.name(),
                "has no healthcheck: add one that probes readiness, or, if it runs to completion,"
                    + " make it a one-shot (restart \"no\", every dependent waits with"
                    + " service_completed_successfully)"));
      }
    }
    return violations;
  }
}
