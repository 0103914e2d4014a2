package io.realtimestreaming.randomuser;

import java.util.Locale;
import java.util.Optional;

/** The top-level user fields {@code inc} and {@code exc} name, in the API's output order. */
enum UserField {
  GENDER,
  NAME,
  LOCATION,
  EMAIL,
  LOGIN,
  DOB,
  REGISTERED,
  PHONE,
  CELL,
  ID,
  PICTURE,
  NAT;

  /** The field a name such as "login" (any case) stands for, if any. */
  static Optional<UserField> of(String name) {
    for (UserField field : values()) {
      if (field.name().equalsIgnoreCase(name.trim())) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
