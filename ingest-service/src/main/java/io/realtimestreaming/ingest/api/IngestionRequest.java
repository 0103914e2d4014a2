package io.realtimestreaming.ingest.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The body of {@code POST /api/v1/ingestions}.
 *
 * @param count users to ingest, 1..100000
 * @param seed randomuser seed: the same seed gives the same users; generated when absent
 * @param nationalities randomuser {@code nat} codes, upper or lower case; none means all
 */
record IngestionRequest(
    @NotNull @Min(1) @Max(100_000) Integer count,
    @Pattern(
            regexp = "^[A-Za-z0-9._-]{1,64}$",
            message = "must be 1-64 letters, digits, '.', '_' or '-'")
        String seed,
    @Size(max = 21)
        List<
                @NotNull
                @Pattern(
                    regexp = NATIONALITY,
                    message =
                        "must be a randomuser nationality, upper or lower case: AU, BR, CA, CH,"
                            + " DE, DK, ES, FI, FR, GB, IE, IN, IR, MX, NL, NO, NZ, RS, TR, UA,"
                            + " US")
                String>
            nationalities) {

  /** randomuser's nationalities, as the OpenAPI document lists them: "US" or "us", not "Us". */
  static final String NATIONALITY =
      "AU|BR|CA|CH|DE|DK|ES|FI|FR|GB|IE|IN|IR|MX|NL|NO|NZ|RS|TR|UA|US"
          + "|au|br|ca|ch|de|dk|es|fi|fr|gb|ie|in|ir|mx|nl|no|nz|rs|tr|ua|us";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** The seed to use: the one given, or a fresh random one (as randomuser itself would pick). */
  String seedOrRandom() {
    if (seed != null) {
      return seed;
    }
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Lower-case codes without repeats, in the order given. */
  List<String> normalizedNationalities() {
    return nationalities == null
        ? List.of()
        : nationalities.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().toList();
  }
}
