package io.realtimestreaming.deploy.rules;

import io.realtimestreaming.deploy.compose.EnvFile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * No guessable secret where others can reach the services: when an env file publishes the ports on
 * an address other than a loopback one ({@code PUBLISH_ADDRESS} outside 127.0.0.0/8, {@code ::1},
 * {@code localhost}), every secret it names must be set, must not be a known development or example
 * value (postgres, ingest, airflow, admin, dev-ingest-key, dev-..., change-me, ...) and must have
 * at least {@value #MINIMUM_LENGTH} characters, {@value #API_KEY_MINIMUM_LENGTH} for {@code
 * INGEST_API_KEY}. On a loopback address (or with {@code PUBLISH_ADDRESS} unset, which
 * docker-compose.yml reads as 127.0.0.1) the rule passes: only this machine reaches the ports.
 */
public final class DefaultSecrets {

  public static final String RULE = "default-secrets";

  static final int MINIMUM_LENGTH = 16;
  static final int API_KEY_MINIMUM_LENGTH = 32;

  /** Values that have been defaults in this project or are everyone's first guess. */
  private static final Set<String> KNOWN =
      Set.of(
          "postgres",
          "ingest",
          "airflow",
          "admin",
          "password",
          "secret",
          "changeme",
          "change-me",
          "changeit",
          "dev-ingest-key",
          "dev-airflow-jwt-secret-change-me",
          "dev-airflow-api-secret-change-me");

  /** Development values by their look: dev-..., ...change-me..., ...changeme.... */
  private static final Pattern DEVELOPMENT = Pattern.compile("^dev-.*|.*change-?me.*");

  private static final Pattern LOOPBACK =
      Pattern.compile("127(\\.\\d{1,3}){3}|::1|\\[::1]|localhost");

  private DefaultSecrets() {}

  /**
   * @param env the env file as Compose reads it (.env)
   * @param secrets the variables that hold secrets
   */
  public static List<Violation> check(EnvFile env, Collection<String> secrets) {
    String address = env.values().getOrDefault("PUBLISH_ADDRESS", "").strip();
    if (isLoopback(address)) {
      return List.of();
    }
    List<Violation> violations = new ArrayList<>();
    for (String name : secrets) {
      problem(name, env.values().getOrDefault(name, ""))
          .ifPresent(
              p ->
                  violations.add(
                      new Violation(
                          RULE,
                          name,
                          p
                              + ", and PUBLISH_ADDRESS="
                              + address
                              + " lets other machines reach the services: give it a random"
                              + " value (docker/generate-secrets.sh fills the empty ones) or one"
                              + " from your secret store")));
    }
    return violations;
  }

  /** Empty counts as 127.0.0.1: docker-compose.yml's default for PUBLISH_ADDRESS. */
  static boolean isLoopback(String address) {
    return address.isEmpty() || LOOPBACK.matcher(address.toLowerCase(Locale.ROOT)).matches();
  }

  private static Optional<String> problem(String name, String value) {
    String lower = value.strip().toLowerCase(Locale.ROOT);
    int minimum = name.equals("INGEST_API_KEY") ? API_KEY_MINIMUM_LENGTH : MINIMUM_LENGTH;
    if (lower.isEmpty()) {
      return Optional.of("is empty");
    }
    if (KNOWN.contains(lower) || DEVELOPMENT.matcher(lower).matches()) {
      return Optional.of("is a known default ('" + value + "')");
    }
    if (value.length() < minimum) {
      return Optional.of("has " + value.length() + " characters, fewer than " + minimum);
    }
    return Optional.empty();
  }
}
