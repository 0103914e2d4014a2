package io.realtimestreaming.model;

import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One user as the pipeline carries it: PostgreSQL row, Avro {@code User} record, Cassandra row.
 *
 * <p>{@code gender}, {@code address}, {@code postCode}, {@code phone}, {@code picture} and {@code
 * nationality} may be null: randomuser omits them when asked to ({@code inc}/{@code exc}) and
 * nothing downstream needs them. Everything else is required.
 *
 * <p>Timestamps are truncated to milliseconds here, because every store downstream (Avro {@code
 * timestamp-millis}, Cassandra {@code timestamp}) keeps milliseconds: a user then equals itself
 * after any round trip.
 *
 * <p>Serializable because Spark ships values between JVMs with Java serialization where no encoder
 * applies. What a valid user is, beyond the non-null components, is {@link UserContract}'s to say.
 *
 * @param address {@code "<number> <street>, <city>, <state>, <country>"}
 * @param postCode a string: randomuser sends numbers for some nationalities, strings for others
 * @param picture the medium-sized portrait URL
 * @param nationality randomuser's {@code nat}, e.g. {@code "US"}
 * @param version grows with every write of the user to PostgreSQL (microseconds since the epoch, at
 *     least the previous version + 1): the Cassandra write timestamp, so that the newest version
 *     wins whatever order writes arrive in; {@link #UNVERSIONED} until the user is stored
 */
public record User(
    UUID id,
    String firstName,
    String lastName,
    String gender,
    String address,
    String postCode,
    String email,
    String username,
    Instant dob,
    Instant registeredDate,
    String phone,
    String picture,
    String nationality,
    UUID ingestionRunId,
    Instant ingestedAt,
    long version)
    implements Serializable {

  /** The version of a user not yet stored, and of events written before versions existed. */
  public static final long UNVERSIONED = 0;

  public User {
    Objects.requireNonNull(id, "id is required");
    Objects.requireNonNull(firstName, "firstName is required");
    Objects.requireNonNull(lastName, "lastName is required");
    Objects.requireNonNull(email, "email is required");
    Objects.requireNonNull(username, "username is required");
    dob = Objects.requireNonNull(dob, "dob is required").truncatedTo(ChronoUnit.MILLIS);
    registeredDate =
        Objects.requireNonNull(registeredDate, "registeredDate is required")
            .truncatedTo(ChronoUnit.MILLIS);
    Objects.requireNonNull(ingestionRunId, "ingestionRunId is required");
    ingestedAt =
        Objects.requireNonNull(ingestedAt, "ingestedAt is required").truncatedTo(ChronoUnit.MILLIS);
  }

  /** This user as stored with {@code version}. */
  public User withVersion(long version) {
    return new User(
        id,
        firstName,
        lastName,
        gender,
        address,
        postCode,
        email,
        username,
        dob,
        registeredDate,
        phone,
        picture,
        nationality,
        ingestionRunId,
        ingestedAt,
        version);
  }
}
