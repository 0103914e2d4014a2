package io.realtimestreaming.randomuser;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The 21 nationalities of randomuser 1.4 and what differs between them: the Datafaker locale the
 * names, streets, cities, states and phones come from, the country name, the postcode format
 * (numeric postcodes are sent as JSON numbers, GB and CA as strings, as the API does) and the
 * national id ({@code id.value} is null for IR, NZ, TR and UA, as in the API).
 *
 * <p>Values are described as Datafaker expressions ({@code #{Name.last_name}}); a text without
 * {@code #{...}} is a literal. The overrides below exist because Datafaker 2.5 falls back to its
 * {@code en} data where a locale lacks a key, which would give Iranian users US states and English
 * first names.
 */
enum NationalityProfile {
  AU("en-AU", "Australia", "####", "TFN", "#########"),
  BR("pt-BR", "Brazil", "#####", "CPF", "###.###.###-##"),
  CA("en-CA", "Canada", "?#? #?#", "SIN", "### ### ###"),
  CH("de-CH", "Switzerland", "####", "AVS", "756.####.####.##"),
  DE("de-DE", "Germany", "#####", "SVNR", "## ###### ? ###"),
  DK("da-DK", "Denmark", "####", "CPR", "######-####"),
  ES("es-ES", "Spain", "#####", "DNI", "########-?"),
  FI("fi-FI", "Finland", "#####", "HETU", "######-###?"),
  FR("fr-FR", "France", "#####", "INSEE", "# ## ## ## ### ### ##"),
  GB("en-GB", "United Kingdom", "??# #??", "NINO", "?? ## ## ## ?"),
  IE("en-IE", "Ireland", "#####", "PPS", "#######?"),
  IN("en-IN", "India", "######", "UIDAI", "############"),
  IR("fa-IR", "Iran", "#####", "", null),
  MX("es-MX", "Mexico", "#####", "NSS", "## ## ## #### #"),
  NL("nl-NL", "Netherlands", "####", "BSN", "########"),
  NO("nb-NO", "Norway", "####", "FN", "###########"),
  NZ("en-NZ", "New Zealand", "####", "", null),
  // Datafaker has no Serbian locale; Croatian is the closest (same names, Latin script), and the
  // cities and districts below are Serbian.
  RS("hr", "Serbia", "#####", "SID", "#########"),
  TR("tr-TR", "Turkey", "#####", "", null),
  UA("uk-UA", "Ukraine", "#####", "", null),
  US("en-US", "United States", "#####", "SSN", "###-##-####");

  /** UK postcodes have several shapes; the API mixes them too. */
  private static final List<String> GB_POSTCODES =
      List.of("?# #??", "?## #??", "??# #??", "??## #??", "?#? #??", "??#? #??");

  private final Locale locale;
  private final String country;
  private final String postcodePattern;
  private final String idName;
  private final String idPattern;

  NationalityProfile(
      String languageTag, String country, String postcodePattern, String idName, String idPattern) {
    this.locale = Locale.forLanguageTag(languageTag);
    this.country = country;
    this.postcodePattern = postcodePattern;
    this.idName = idName;
    this.idPattern = idPattern;
  }

  /** The profile of a {@code nat} code such as "gb" (any case), if randomuser knows it. */
  static Optional<NationalityProfile> of(String code) {
    for (NationalityProfile profile : values()) {
      if (profile.name().equalsIgnoreCase(code.trim())) {
        return Optional.of(profile);
      }
    }
    return Optional.empty();
  }

  Locale locale() {
    return locale;
  }

  String country() {
    return country;
  }

  /** Postcode patterns ({@code #} digit, {@code ?} letter); all-digit ones are sent as numbers. */
  List<String> postcodePatterns() {
    return this == GB ? GB_POSTCODES : List.of(postcodePattern);
  }

  boolean numericPostcode() {
    return postcodePattern.chars().allMatch(c -> c == '#');
  }

  String idName() {
    return idName;
  }

  /** Null where the API sends {@code "id": {"name": "", "value": null}}. */
  String idPattern() {
    return idPattern;
  }

  List<String> titles(boolean male) {
    boolean french = this == FR || this == CH;
    if (male) {
      return List.of(french ? "Monsieur" : "Mr");
    }
    return french ? List.of("Madame", "Mademoiselle") : List.of("Ms", "Mrs", "Miss");
  }

  List<String> firstNames(boolean male) {
    return switch (this) {
      // these Datafaker locales have one ungendered first-name list
      case FR, IN, IR, NL, RS -> List.of("#{Name.first_name}");
      default -> List.of(male ? "#{Name.male_first_name}" : "#{Name.female_first_name}");
    };
  }

  List<String> lastNames(boolean male) {
    return switch (this) {
      // Ukrainian surnames take a feminine form (Левадовський / Левадовська)
      case UA -> List.of(male ? "#{Name.male_last_name}" : "#{Name.female_last_name}");
      default -> List.of("#{Name.last_name}");
    };
  }

  List<String> streets() {
    return switch (this) {
      case IR ->
          List.of(
              "خیابان #{Name.last_name}",
              "میدان #{Name.last_name}",
              "بلوار #{Name.last_name}",
              "کوچه #{Name.first_name}");
      case TR -> List.of("#{Name.last_name} Sk", "#{Name.first_name} Cd");
      default -> List.of("#{Address.street_name}");
    };
  }

  List<String> cities() {
    return switch (this) {
      case IR -> RegionNames.IRAN_CITIES;
      case RS -> RegionNames.SERBIA_CITIES;
      default -> List.of("#{Address.city}");
    };
  }

  List<String> states() {
    return switch (this) {
      case GB -> List.of("#{Address.county}");
      case IE -> RegionNames.IRELAND_COUNTIES;
      case IR -> RegionNames.IRAN_PROVINCES;
      case RS -> RegionNames.SERBIA_DISTRICTS;
      case TR -> List.of("#{Address.city}"); // Turkish provinces carry their capital's name
      default -> List.of("#{Address.state}");
    };
  }
}
