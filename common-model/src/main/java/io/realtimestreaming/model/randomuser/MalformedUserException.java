package io.realtimestreaming.model.randomuser;

import io.realtimestreaming.model.UserContract;

/**
 * A randomuser record that cannot become a valid {@code User}: it breaks {@link UserContract}.
 * Checked: the ingest run rejects such records one by one (counted by rule, logged with the
 * violation) and carries on, so every caller must decide what a rejection means for it.
 */
public final class MalformedUserException extends Exception {

  private final UserContract.Violation violation;

  MalformedUserException(UserContract.Violation violation) {
    super(violation.describe());
    this.violation = violation;
  }

  MalformedUserException(UserContract.Rule rule, String field, String message) {
    this(new UserContract.Violation(rule, field, message));
  }

  public UserContract.Violation violation() {
    return violation;
  }

  /** The rule broken; its {@link UserContract.Rule#code()} is stable for logs and metrics. */
  public UserContract.Rule rule() {
    return violation.rule();
  }

  /**
   * The randomuser field at fault in dotted form, e.g. {@code login.uuid}, or the stores' name for
   * a rule checked on the mapped user ({@code first_name}); empty for the record.
   */
  public String field() {
    return violation.field();
  }
}
