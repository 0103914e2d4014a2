package io.realtimestreaming.stream.decode;

import io.realtimestreaming.model.User;

/** What one Kafka record value turned into: a valid user, or a reason to dead-letter it. */
public sealed interface Decoded {

  record Valid(User user) implements Decoded {}

  /**
   * @param detail what exactly was wrong, for the {@code dlq.detail} header and the log
   */
  record Rejected(RejectReason reason, String detail) implements Decoded {}
}
