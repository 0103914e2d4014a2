package io.realtimestreaming.randomuser;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code bad-record} fault: a normal page in which every fifth user (index 0, 5, 10, ...) is
 * broken in one of four ways, in turn, so that a client's rejection of each can be tested:
 *
 * <ul>
 *   <li>index 0, 20, 40, ...: {@code login.uuid} missing
 *   <li>index 5, 25, 45, ...: {@code login.uuid} is not a UUID
 *   <li>index 10, 30, 50, ...: {@code email} missing
 *   <li>index 15, 35, 55, ...: {@code dob.date} is not an ISO-8601 timestamp
 * </ul>
 *
 * The other users are exactly those of the same page without the fault.
 */
final class BadRecords {

  static final int EVERY = 5;

  private BadRecords() {}

  static List<RandomUser> corrupt(List<RandomUser> users) {
    List<RandomUser> page = new ArrayList<>(users);
    for (int index = 0; index < page.size(); index += EVERY) {
      RandomUser user = page.get(index);
      page.set(
          index,
          switch ((index / EVERY) % 4) {
            case 0 -> user.withLogin(user.login().withUuid(null));
            case 1 -> user.withLogin(user.login().withUuid("not-a-uuid-" + index));
            case 2 -> user.withEmail(null);
            default -> user.withDob(new RandomUser.Dated("08/03/1992 15:13", user.dob().age()));
          });
    }
    return page;
  }
}
