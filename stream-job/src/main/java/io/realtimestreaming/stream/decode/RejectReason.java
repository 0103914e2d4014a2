package io.realtimestreaming.stream.decode;

/**
 * Why a record went to the dead-letter topic instead of Cassandra. The header value {@code
 * dlq.reason} is {@link #header()}. Each is a property of the record itself: retrying it cannot
 * help, so the job moves on. Failures of the services (registry or Cassandra unreachable) are not
 * here: they fail the batch, which Spark then retries from the checkpoint.
 */
public enum RejectReason {

  /** Null value, shorter than five bytes, or a first byte other than 0x00. */
  NOT_CONFLUENT_FRAMED("not-confluent-framed"),

  /** The registry has no schema with the id in the record's header. */
  UNKNOWN_SCHEMA_ID("unknown-schema-id"),

  /** The Avro payload does not decode with the writer schema into the reader schema. */
  UNDECODABLE("undecodable"),

  /** Decoded, but breaks {@link io.realtimestreaming.model.UserContract}. */
  INVALID_USER("invalid-user");

  private final String header;

  RejectReason(String header) {
    this.header = header;
  }

  public String header() {
    return header;
  }
}
