package io.realtimestreaming.model.wire;

import java.nio.charset.StandardCharsets;

/**
 * The Kafka headers every user event carries beside its Avro value: the run that stored it and the
 * user's version, as decimal text. They let the stream job account a record to its run even when
 * its value cannot be decoded (a dead letter still counts on its run).
 */
public final class EventHeaders {

  /** The ingestion run that stored the user, a UUID. */
  public static final String RUN_ID = "ingestion.run.id";

  /** The user's version, a decimal number (see {@code User#version()}). */
  public static final String USER_VERSION = "user.version";

  private EventHeaders() {}

  public static byte[] text(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
