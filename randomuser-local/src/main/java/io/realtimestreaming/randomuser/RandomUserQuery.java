package io.realtimestreaming.randomuser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The parameters of one {@code GET /api/1.4/} request, made valid the way randomuser.me does:
 * silently, except for an unsupported {@code format}.
 *
 * @param results users to send, 1..5000 ({@code results} absent, invalid or out of range: 1)
 * @param page 1-based page ({@code page} absent, invalid or below 1: 1)
 * @param seed {@code seed} as given, or a random 16-hex-digit seed, reported in {@code info.seed}
 * @param nationalities the {@code nat} codes given that randomuser knows, in a fixed order so that
 *     "us,gb" and "GB,US" give the same users; all 21 when none is given or known
 * @param fields {@code inc} (all fields when absent) minus {@code exc}; unknown names are ignored
 * @param gender "male" or "female" when {@code gender} asks for it and no seed is given (the API
 *     ignores {@code gender} with a seed), else null
 * @param noinfo whether {@code noinfo} was given (any value): no {@code info} block
 * @param pretty {@code format=pretty}: indented JSON
 */
record RandomUserQuery(
    int results,
    int page,
    String seed,
    List<NationalityProfile> nationalities,
    Set<UserField> fields,
    String gender,
    boolean noinfo,
    boolean pretty) {

  static final int MAX_RESULTS = 5000;

  RandomUserQuery {
    nationalities = List.copyOf(nationalities);
    fields = Set.copyOf(fields);
  }

  /**
   * @throws IllegalArgumentException for a {@code format} other than json or pretty (csv, yaml and
   *     xml are real API formats this source does not write)
   */
  static RandomUserQuery parse(Map<String, String> parameters, Supplier<String> randomSeed) {
    String format = parameters.getOrDefault("format", "json").trim().toLowerCase(Locale.ROOT);
    if (!format.isEmpty() && !format.equals("json") && !format.equals("pretty")) {
      throw new IllegalArgumentException(
          "format '"
              + format
              + "' is not served by the offline randomuser source; use json or pretty");
    }
    String seed = parameters.getOrDefault("seed", "");
    boolean seeded = !seed.isEmpty();
    String gender = parameters.getOrDefault("gender", "").trim().toLowerCase(Locale.ROOT);
    return new RandomUserQuery(
        positive(parameters.get("results"), MAX_RESULTS),
        positive(parameters.get("page"), Integer.MAX_VALUE),
        seeded ? seed : randomSeed.get(),
        nationalities(parameters.get("nat")),
        fields(parameters.get("inc"), parameters.get("exc")),
        !seeded && (gender.equals("male") || gender.equals("female")) ? gender : null,
        parameters.containsKey("noinfo"),
        format.equals("pretty"));
  }

  /** The same query for another page. */
  RandomUserQuery onPage(int otherPage) {
    return new RandomUserQuery(
        results, otherPage, seed, nationalities, fields, gender, noinfo, pretty);
  }

  boolean includes(UserField field) {
    return fields.contains(field);
  }

  /** The number, or 1 if it is missing, not a number, below 1 or above {@code max}. */
  private static int positive(String text, int max) {
    if (text == null) {
      return 1;
    }
    try {
      int value = Integer.parseInt(text.trim());
      return value >= 1 && value <= max ? value : 1;
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static List<NationalityProfile> nationalities(String nat) {
    EnumSet<NationalityProfile> chosen = EnumSet.noneOf(NationalityProfile.class);
    for (String code : split(nat)) {
      NationalityProfile.of(code).ifPresent(chosen::add);
    }
    return new ArrayList<>(chosen.isEmpty() ? EnumSet.allOf(NationalityProfile.class) : chosen);
  }

  private static Set<UserField> fields(String inc, String exc) {
    EnumSet<UserField> included = EnumSet.noneOf(UserField.class);
    for (String name : split(inc)) {
      UserField.of(name).ifPresent(included::add);
    }
    EnumSet<UserField> fields = included.isEmpty() ? EnumSet.allOf(UserField.class) : included;
    for (String name : split(exc)) {
      UserField.of(name).ifPresent(fields::remove);
    }
    return fields;
  }

  private static List<String> split(String list) {
    return list == null || list.isBlank() ? List.of() : Arrays.asList(list.split(","));
  }
}
