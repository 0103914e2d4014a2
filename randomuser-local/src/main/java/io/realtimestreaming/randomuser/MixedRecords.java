package io.realtimestreaming.randomuser;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code mixed} fault: a normal page in which every tenth user (index 0, 10, 20, ...) breaks
 * the pipeline's user contract in one of ten ways, in turn; every tenth user from index 5 repeats
 * the user before it; and from page 2 on, the user at index 3 is the user at index 2 of the page
 * before. So a client sees, on one page, each kind of bad record and duplicates within and across
 * pages:
 *
 * <ol start="0">
 *   <li>{@code login.uuid} missing
 *   <li>{@code login.uuid} not a UUID
 *   <li>{@code email} missing
 *   <li>{@code dob.date} not an ISO-8601 timestamp
 *   <li>a NUL character in {@code name.first}
 *   <li>a lone surrogate in {@code name.last} (sent as the escape {@code \\ud800})
 *   <li>a line break in {@code phone}
 *   <li>an {@code email} without {@code @}
 *   <li>a {@code registered.date} in the year 2999
 *   <li>on page 1, a {@code name.first} of {@value #MEGABYTE_FIELD} characters; elsewhere, a {@code
 *       cell} of {@value #LARGE_RECORD_FIELD} characters (a record of more than 32 KB)
 * </ol>
 *
 * The other users are exactly those of the same page without the fault.
 */
final class MixedRecords {

  static final int EVERY = 10;
  static final int KINDS = 10;
  static final int MEGABYTE_FIELD = 2 * 1024 * 1024;
  static final int LARGE_RECORD_FIELD = 40_000;

  private MixedRecords() {}

  /**
   * @param previousPage the users of the page before, unfaulted; empty on page 1
   */
  static List<RandomUser> corrupt(List<RandomUser> users, int page, List<RandomUser> previousPage) {
    List<RandomUser> mixed = new ArrayList<>(users);
    for (int index = 0; index < mixed.size(); index++) {
      if (index % EVERY == 0) {
        mixed.set(index, broken(users.get(index), (index / EVERY) % KINDS, page, index));
      } else if (index % EVERY == 5) {
        mixed.set(index, mixed.get(index - 1));
      }
    }
    if (page > 1 && mixed.size() > 3 && previousPage.size() > 2) {
      mixed.set(3, previousPage.get(2));
    }
    return mixed;
  }

  private static RandomUser broken(RandomUser user, int kind, int page, int index) {
    RandomUser.Name name = user.name();
    return switch (kind) {
      case 0 -> user.withLogin(user.login().withUuid(null));
      case 1 -> user.withLogin(user.login().withUuid("not-a-uuid-" + index));
      case 2 -> user.withEmail(null);
      case 3 -> user.withDob(new RandomUser.Dated("08/03/1992 15:13", user.dob().age()));
      case 4 ->
          user.withName(new RandomUser.Name(name.title(), name.first() + "\u0000", name.last()));
      case 5 ->
          user.withName(new RandomUser.Name(name.title(), name.first(), name.last() + "\uD800"));
      case 6 -> user.withPhone(user.phone() + "\r\nINFO forged log line");
      case 7 -> user.withEmail(user.email().replace('@', '.'));
      case 8 -> user.withRegistered(new RandomUser.Dated("2999-01-01T00:00:00.000Z", 0));
      default ->
          page == 1 && index < EVERY * KINDS
              ? user.withName(
                  new RandomUser.Name(name.title(), "J".repeat(MEGABYTE_FIELD), name.last()))
              : user.withCell("0".repeat(LARGE_RECORD_FIELD));
    };
  }
}
