package io.realtimestreaming.randomuser;

/**
 * One user as randomuser 1.4 describes it; {@link RandomUserJsonWriter} writes it in the API's
 * field order and types. Only {@code email} and {@code login.uuid} may be null (then left out), and
 * only the faults {@code bad-record} and {@code mixed} make other values odd.
 */
record RandomUser(
    String gender,
    Name name,
    Location location,
    String email,
    Login login,
    Dated dob,
    Dated registered,
    String phone,
    String cell,
    NationalId id,
    Picture picture,
    String nat) {

  record Name(String title, String first, String last) {}

  record Location(
      Street street,
      String city,
      String state,
      String country,
      Postcode postcode,
      Coordinates coordinates,
      Timezone timezone) {}

  record Street(int number, String name) {}

  /** A postcode is sent as a JSON number when {@code numeric}, else as a string. */
  record Postcode(String value, boolean numeric) {}

  /** Decimal degrees with four decimals, sent as strings as the API does. */
  record Coordinates(String latitude, String longitude) {}

  record Login(
      String uuid,
      String username,
      String password,
      String salt,
      String md5,
      String sha1,
      String sha256) {

    Login withUuid(String newUuid) {
      return new Login(newUuid, username, password, salt, md5, sha1, sha256);
    }
  }

  /** An ISO-8601 UTC instant with milliseconds, and whole years from it to today. */
  record Dated(String date, int age) {}

  /** {@code value} is null for nationalities without a national id in the API (IR, NZ, TR, UA). */
  record NationalId(String name, String value) {}

  record Picture(String large, String medium, String thumbnail) {}

  RandomUser withEmail(String newEmail) {
    return new RandomUser(
        gender, name, location, newEmail, login, dob, registered, phone, cell, id, picture, nat);
  }

  RandomUser withLogin(Login newLogin) {
    return new RandomUser(
        gender, name, location, email, newLogin, dob, registered, phone, cell, id, picture, nat);
  }

  RandomUser withDob(Dated newDob) {
    return new RandomUser(
        gender, name, location, email, login, newDob, registered, phone, cell, id, picture, nat);
  }

  RandomUser withRegistered(Dated newRegistered) {
    return new RandomUser(
        gender, name, location, email, login, dob, newRegistered, phone, cell, id, picture, nat);
  }

  RandomUser withName(Name newName) {
    return new RandomUser(
        gender, newName, location, email, login, dob, registered, phone, cell, id, picture, nat);
  }

  RandomUser withPhone(String newPhone) {
    return new RandomUser(
        gender, name, location, email, login, dob, registered, newPhone, cell, id, picture, nat);
  }

  RandomUser withCell(String newCell) {
    return new RandomUser(
        gender, name, location, email, login, dob, registered, phone, newCell, id, picture, nat);
  }
}
