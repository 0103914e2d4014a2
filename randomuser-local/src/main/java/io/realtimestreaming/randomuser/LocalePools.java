package io.realtimestreaming.randomuser;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import net.datafaker.Faker;

/**
 * Names, places and phone patterns of one nationality, drawn once from Datafaker and then picked
 * from per user.
 *
 * <p>Why pools: a Datafaker expression costs 3-15 us (20-100 us for the eight a user needs), which
 * alone would cap a request thread at 10-50k users/s; picking from a list costs nanoseconds. Each
 * pool is a sample of its expression's output (so frequent values stay frequent), drawn with a
 * {@link Random} seeded by the nationality's code and always in the same order, so pools, and with
 * them users, are identical on every machine that has the same Datafaker version. Phones are kept
 * as patterns (the first two digits, then {@code #}) and filled per user, so phone numbers are not
 * limited to the pool's size.
 */
record LocalePools(
    List<String> maleFirstNames,
    List<String> femaleFirstNames,
    List<String> maleLastNames,
    List<String> femaleLastNames,
    List<String> streets,
    List<String> cities,
    List<String> states,
    List<String> phonePatterns,
    List<String> cellPatterns) {

  private static final int NAME_SAMPLES = 512;
  private static final int PLACE_SAMPLES = 256;
  private static final int PHONE_SAMPLES = 256;

  /** Some Datafaker lists carry zero-width spaces and padding ("Kralj "). */
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\uFEFF]");

  static LocalePools of(NationalityProfile profile) {
    Random random = UserSeeds.namedRandom("randomuser-pools:" + profile.name());
    Faker faker = new Faker(profile.locale(), random);
    return new LocalePools(
        sample(faker, random, profile.firstNames(true), NAME_SAMPLES),
        sample(faker, random, profile.firstNames(false), NAME_SAMPLES),
        sample(faker, random, profile.lastNames(true), NAME_SAMPLES),
        sample(faker, random, profile.lastNames(false), NAME_SAMPLES),
        sample(faker, random, profile.streets(), PLACE_SAMPLES),
        sample(faker, random, profile.cities(), PLACE_SAMPLES),
        sample(faker, random, profile.states(), PLACE_SAMPLES),
        phonePatterns(() -> faker.phoneNumber().phoneNumber()),
        phonePatterns(() -> faker.phoneNumber().cellPhone()));
  }

  private static List<String> sample(Faker faker, Random random, List<String> templates, int n) {
    if (templates.stream().noneMatch(t -> t.contains("#{"))) {
      return templates; // literals only: the list itself is the fairest pool
    }
    List<String> pool = new ArrayList<>(n);
    while (pool.size() < n) {
      String value = clean(faker.expression(RandomText.pick(templates, random)));
      if (!value.isEmpty()) {
        pool.add(value);
      }
    }
    return List.copyOf(pool);
  }

  private static List<String> phonePatterns(Supplier<String> phones) {
    List<String> patterns = new ArrayList<>(PHONE_SAMPLES);
    for (int i = 0; i < PHONE_SAMPLES; i++) {
      char[] phone = clean(phones.get()).toCharArray();
      int digits = 0;
      for (int c = 0; c < phone.length; c++) {
        if (Character.isDigit(phone[c]) && ++digits > 2) {
          phone[c] = '#'; // keep the leading "0" / "07" / area digit, redraw the rest per user
        }
      }
      patterns.add(new String(phone));
    }
    return List.copyOf(patterns);
  }

  private static String clean(String value) {
    return INVISIBLE.matcher(value).replaceAll("").strip().replaceAll("\\s+", " ");
  }
}
