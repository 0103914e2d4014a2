package io.realtimestreaming.ingest.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API keys the service accepts ({@code INGEST_API_KEY}: one key, or several separated by commas
 * while clients move from an old key to a new one), and the rule every one of them must pass
 * outside the {@code dev} profile: at least {@value #MINIMUM_LENGTH} printable ASCII characters,
 * and not a known development or example value. In the {@code dev} profile any non-blank key
 * passes. The rule is the one deploy-checks holds compose's {@code .env} to.
 */
final class ApiKeys {

  static final int MINIMUM_LENGTH = 32;

  /** Values that have been defaults in this project or are everyone's first guess. */
  private static final Set<String> KNOWN =
      Set.of(
          "dev-ingest-key", // dev-defaults.properties
          "changeme",
          "change-me",
          "changeit",
          "secret",
          "password",
          "api-key",
          "apikey",
          "test-key",
          "it-key");

  /** Development values by their look: dev-..., ...change-me..., ...changeme.... */
  private static final Pattern DEVELOPMENT = Pattern.compile("^dev[-_].*|.*change[-_]?me.*");

  private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x21-\\x7e]+");

  // SHA-256 of each key: comparing digests takes the same time whatever the lengths
  private final List<byte[]> digests;

  private ApiKeys(List<String> keys) {
    this.digests = keys.stream().map(ApiKeys::sha256).toList();
  }

  /**
   * The keys in {@code configured}, checked.
   *
   * @param configured {@code ingest.api.key}: keys separated by commas, blanks around them ignored
   * @param development whether the {@code dev} profile is active: any non-blank key passes
   * @throws InvalidApiKeysException naming what is wrong with which key (never the key itself)
   */
  static ApiKeys of(String configured, boolean development) {
    List<String> keys = split(configured);
    if (keys.isEmpty()) {
      throw new InvalidApiKeysException(
          "INGEST_API_KEY (ingest.api.key) is not set, and the service has no default key.",
          development);
    }
    if (!development) {
      List<String> problems = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        int number = i + 1;
        problem(keys.get(i))
            .ifPresent(p -> problems.add((keys.size() == 1 ? "the key" : "key " + number) + p));
      }
      if (!problems.isEmpty()) {
        throw new InvalidApiKeysException(
            "INGEST_API_KEY (ingest.api.key) holds "
                + (keys.size() == 1 ? "1 key" : keys.size() + " keys")
                + " that the service refuses outside the dev profile: "
                + String.join("; ", problems)
                + ".",
            false);
      }
    }
    return new ApiKeys(keys);
  }

  /** What is wrong with {@code key} outside development, starting with a space; empty if none. */
  static Optional<String> problem(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    if (KNOWN.contains(lower) || DEVELOPMENT.matcher(lower).matches()) {
      return Optional.of(" is a known development or example value");
    }
    if (!PRINTABLE_ASCII.matcher(key).matches()) {
      return Optional.of(" holds a character other than printable ASCII (no spaces)");
    }
    if (key.length() < MINIMUM_LENGTH) {
      return Optional.of(" has " + key.length() + " characters, fewer than " + MINIMUM_LENGTH);
    }
    return Optional.empty();
  }

  /**
   * Whether {@code given} is one of the keys. Every key is compared, each in constant time, so the
   * answer's timing says neither which key nor how much of one matched.
   */
  boolean accepts(String given) {
    if (given == null) {
      return false;
    }
    byte[] digest = sha256(given);
    boolean accepted = false;
    for (byte[] key : digests) {
      accepted |= MessageDigest.isEqual(key, digest);
    }
    return accepted;
  }

  int size() {
    return digests.size();
  }

  private static List<String> split(String configured) {
    if (configured == null) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    for (String part : configured.split(",")) {
      String key = part.strip();
      // an unresolved ${INGEST_API_KEY} (application.yml has no default) is no key either
      if (!key.isEmpty() && !key.startsWith("${")) {
        keys.add(key);
      }
    }
    return keys;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
