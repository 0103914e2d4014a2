package io.realtimestreaming.model.randomuser;

import java.util.Locale;

/**
 * A randomuser record that cannot become a {@code User}. Checked: the ingest run rejects such
 * records one by one (counted, logged with {@link #reason()} and the message) and carries on, so
 * every caller must decide what a rejection means for it.
 */
public final class MalformedUserException extends Exception {

  /** Why a record was rejected; {@link #code()} is stable for logs and metrics. */
  public enum Reason {
    NOT_AN_OBJECT,
    MISSING_FIELD,
    INVALID_VALUE,
    INVALID_UUID,
    INVALID_TIMESTAMP;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Reason reason;
  private final String field;

  MalformedUserException(Reason reason, String field, String message) {
    super(message);
    this.reason = reason;
    this.field = field;
  }

  public Reason reason() {
    return reason;
  }

  /**
   * The randomuser field at fault in dotted form, e.g. {@code login.uuid}; empty for the record.
   */
  public String field() {
    return field;
  }
}
