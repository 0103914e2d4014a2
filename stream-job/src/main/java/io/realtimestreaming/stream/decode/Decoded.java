package io.realtimestreaming.stream.decode;

import io.realtimestreaming.model.User;

/** What one Kafka record value turned into: a valid user, or a reason to dead-letter it. */
public sealed interface Decoded {

  record Valid(User user) implements Decoded {}

  /**
   * @param detail what exactly was wrong, for the {@code dlq.detail} header and the log
   * @param user the user as decoded, when the record decoded but broke the contract; else null
   */
  record Rejected(RejectReason reason, String detail, User user) implements Decoded {

    public Rejected(RejectReason reason, String detail) {
      this(reason, detail, null);
    }
  }
}
