package io.realtimestreaming.deploy.rules;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Spring Boot {@code application.yml} for the settings a container must override: each
 * {@code ${NAME:default}} whose default points at this machine (127.0.0.1, localhost, [::1]). Such
 * a default is right for the no-Docker stack and wrong in a container, where the server is another
 * service.
 */
public final class SpringPlaceholders {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):([^}]*)}");
  private static final Pattern LOOPBACK = Pattern.compile("127\\.0\\.0\\.1|localhost|\\[::1]");

  private SpringPlaceholders() {}

  public static Set<String> withLoopbackDefaults(String applicationYml) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(applicationYml);
    while (m.find()) {
      if (LOOPBACK.matcher(m.group(2)).find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }
}
