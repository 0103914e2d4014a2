package io.realtimestreaming.ingest.api;

/**
 * The configured API keys cannot be used: the service refuses to start. {@link #getMessage()} is
 * one paragraph, what is wrong and what to do; {@link InvalidApiKeysFailureAnalyzer} prints it as
 * Spring Boot's start-up failure report.
 */
final class InvalidApiKeysException extends RuntimeException {

  private final String problem;
  private final String action;

  InvalidApiKeysException(String problem, boolean development) {
    super(problem + " " + action(development));
    this.problem = problem;
    this.action = action(development);
  }

  String problem() {
    return problem;
  }

  String action() {
    return action;
  }

  private static String action(boolean development) {
    return development
        ? "Set INGEST_API_KEY to the key the clients send as X-API-Key (the devstack passes the"
            + " one in dev-defaults.properties)."
        : "Set INGEST_API_KEY to a random key of at least "
            + ApiKeys.MINIMUM_LENGTH
            + " printable characters from your secret store (docker/generate-secrets.sh makes"
            + " one; so does `openssl rand -base64 32`); to rotate, give the new and the old key"
            + " separated by a comma until every client sends the new one. On a development"
            + " machine, start the service with the profile dev (--spring.profiles.active=dev),"
            + " which accepts a development key.";
  }
}
