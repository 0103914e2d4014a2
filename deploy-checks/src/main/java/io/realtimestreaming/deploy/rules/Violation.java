package io.realtimestreaming.deploy.rules;

/**
 * One broken rule: which rule, what breaks it (a service, a Dockerfile stage, a variable, a port)
 * and what is wrong, in words that say what to change.
 */
public record Violation(String rule, String subject, String problem) {

  @Override
  public String toString() {
    return "[" + rule + "] " + subject + ": " + problem;
  }
}
