package io.realtimestreaming.randomuser;

import static io.realtimestreaming.randomuser.RandomText.between;
import static io.realtimestreaming.randomuser.RandomText.pick;

import io.realtimestreaming.randomuser.RandomUser.Coordinates;
import io.realtimestreaming.randomuser.RandomUser.Dated;
import io.realtimestreaming.randomuser.RandomUser.Location;
import io.realtimestreaming.randomuser.RandomUser.Name;
import io.realtimestreaming.randomuser.RandomUser.NationalId;
import io.realtimestreaming.randomuser.RandomUser.Picture;
import io.realtimestreaming.randomuser.RandomUser.Postcode;
import io.realtimestreaming.randomuser.RandomUser.Street;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deterministic randomuser users: the same seed, page, results and nat give the same users on every
 * machine and run (see {@link UserSeeds} for what a user's identity is).
 *
 * <p>Dates are drawn from fixed ranges (birth 1946-2004, registration 2002-2022), never from today,
 * so they do not drift; the {@code age} fields count whole years to today on the injected clock, as
 * the API's do. The draws happen in one fixed order per user: reordering them changes every
 * generated user.
 */
final class RandomUserGenerator {

  private static final long DOB_FROM = Instant.parse("1946-01-01T00:00:00Z").toEpochMilli();
  private static final long DOB_TO = Instant.parse("2004-12-31T00:00:00Z").toEpochMilli();
  private static final long REGISTERED_FROM = Instant.parse("2002-01-01T00:00:00Z").toEpochMilli();
  private static final long REGISTERED_TO = Instant.parse("2022-12-31T00:00:00Z").toEpochMilli();
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final String PORTRAITS = "https://randomuser.me/api/portraits/";

  private final Clock clock;

  /** Built on first use per nationality (tens of ms each); immutable once built. */
  private final Map<NationalityProfile, LocalePools> pools = new ConcurrentHashMap<>();

  RandomUserGenerator(Clock clock) {
    this.clock = clock;
  }

  /** Builds every nationality's pools now, so that no request pays for it. */
  void warmUp() {
    for (NationalityProfile profile : NationalityProfile.values()) {
      pools(profile);
    }
  }

  /** The page {@code query} asks for, before {@code inc}/{@code exc} are applied. */
  List<RandomUser> users(RandomUserQuery query) {
    long seedKey = UserSeeds.seedKey(query.seed());
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LoginHashes hashes = new LoginHashes();
    List<RandomUser> users = new ArrayList<>(query.results());
    for (int index = 0; index < query.results(); index++) {
      Random random = UserSeeds.userRandom(seedKey, query.page(), index);
      users.add(user(query, random, today, hashes));
    }
    return users;
  }

  private RandomUser user(
      RandomUserQuery query, Random random, LocalDate today, LoginHashes hashes) {
    NationalityProfile profile = pick(query.nationalities(), random);
    LocalePools local = pools(profile);
    boolean coin = random.nextBoolean(); // drawn even when gender is forced, to keep the sequence
    boolean male = query.gender() == null ? coin : query.gender().equals("male");
    Name name =
        new Name(
            pick(profile.titles(male), random),
            pick(male ? local.maleFirstNames() : local.femaleFirstNames(), random),
            pick(male ? local.maleLastNames() : local.femaleLastNames(), random));
    Location location =
        new Location(
            new Street(between(1, 9999, random), pick(local.streets(), random)),
            pick(local.cities(), random),
            pick(local.states(), random),
            profile.country(),
            postcode(profile, random),
            new Coordinates(
                RandomText.fourDecimals(between(-900_000, 900_000, random)),
                RandomText.fourDecimals(between(-1_800_000, 1_800_000, random))),
            pick(Timezone.ALL, random));
    RandomUser.Login login = hashes.login(uuid(random), random);
    Dated dob = dated(DOB_FROM, DOB_TO, random, today);
    Dated registered = dated(REGISTERED_FROM, REGISTERED_TO, random, today);
    String phone = RandomText.fill(pick(local.phonePatterns(), random), random);
    String cell = RandomText.fill(pick(local.cellPatterns(), random), random);
    String idValue =
        profile.idPattern() == null ? null : RandomText.fill(profile.idPattern(), random);
    String portrait = (male ? "men/" : "women/") + random.nextInt(100) + ".jpg";
    return new RandomUser(
        male ? "male" : "female",
        name,
        location,
        EmailAddress.of(name.first(), name.last()),
        login,
        dob,
        registered,
        phone,
        cell,
        new NationalId(profile.idName(), idValue),
        new Picture(
            PORTRAITS + portrait, PORTRAITS + "med/" + portrait, PORTRAITS + "thumb/" + portrait),
        profile.name());
  }

  private LocalePools pools(NationalityProfile profile) {
    return pools.computeIfAbsent(profile, LocalePools::of);
  }

  private static Postcode postcode(NationalityProfile profile, Random random) {
    String pattern = pick(profile.postcodePatterns(), random);
    if (!profile.numericPostcode()) {
      return new Postcode(RandomText.fill(pattern, random), false);
    }
    // a JSON number has no leading zero: draw from 10..0 to 99..9
    int low = (int) Math.pow(10, pattern.length() - 1);
    return new Postcode(Integer.toString(between(low, low * 10 - 1, random)), true);
  }

  /** A version 4 UUID from the user's generator (UUID.randomUUID would not be reproducible). */
  private static String uuid(Random random) {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least).toString();
  }

  private static Dated dated(long fromMillis, long toMillis, Random random, LocalDate today) {
    long millis = fromMillis + (long) (random.nextDouble() * (toMillis - fromMillis));
    Instant instant = Instant.ofEpochMilli(millis);
    LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
    return new Dated(
        ISO_MILLIS.format(instant), Math.max(0, Period.between(day, today).getYears()));
  }
}
