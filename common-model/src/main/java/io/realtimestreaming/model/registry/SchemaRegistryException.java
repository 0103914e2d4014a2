package io.realtimestreaming.model.registry;

/**
 * The schema registry refused a request or could not be reached.
 *
 * <p>{@link #httpStatus()} is 0 when no HTTP answer came back (connection refused, timeout); {@link
 * #errorCode()} is the registry's {@code error_code}, or 0 when its answer had none.
 */
public final class SchemaRegistryException extends RuntimeException {

  /** Confluent error code: the subject has no versions. */
  public static final int SUBJECT_NOT_FOUND = 40401;

  /** Confluent error code: no schema has the requested id. */
  public static final int SCHEMA_NOT_FOUND = 40403;

  /** Confluent error code: the schema breaks the subject's compatibility level. */
  public static final int INCOMPATIBLE_SCHEMA = 409;

  /** Confluent error code: the schema does not parse. */
  public static final int INVALID_SCHEMA = 42201;

  private final int httpStatus;
  private final int errorCode;

  SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public int errorCode() {
    return errorCode;
  }
}
