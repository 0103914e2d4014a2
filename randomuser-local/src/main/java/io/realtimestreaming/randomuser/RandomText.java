package io.realtimestreaming.randomuser;

import java.util.List;
import java.util.Random;

/**
 * Small draws from a per-user {@link Random}. Written by hand rather than through Datafaker's
 * {@code numerify}/{@code bothify} because those are called up to 5000 times a request.
 */
final class RandomText {

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  /** Letters valid in both UK and Canadian postcodes (no I, O, Q, which read as digits). */
  private static final String POSTCODE_LETTERS = "ABCEGHJKLMNPRSTVWXYZ";

  private RandomText() {}

  static <T> T pick(List<T> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }

  /** Inclusive on both ends. */
  static int between(int min, int max, Random random) {
    return min + random.nextInt(max - min + 1);
  }

  /** Replaces each {@code #} with a digit and each {@code ?} with an upper-case letter. */
  static String fill(String pattern, Random random) {
    char[] out = pattern.toCharArray();
    for (int i = 0; i < out.length; i++) {
      if (out[i] == '#') {
        out[i] = (char) ('0' + random.nextInt(10));
      } else if (out[i] == '?') {
        out[i] = POSTCODE_LETTERS.charAt(random.nextInt(POSTCODE_LETTERS.length()));
      }
    }
    return new String(out);
  }

  static String alphanumeric(int length, Random random) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length()));
    }
    return new String(out);
  }

  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[bytes[i] & 0xF];
    }
    return new String(out);
  }

  /** {@code value / 10^4} with exactly four decimals, e.g. -698246 -> "-69.8246". */
  static String fourDecimals(int tenThousandths) {
    String sign = tenThousandths < 0 ? "-" : "";
    int abs = Math.abs(tenThousandths);
    int fraction = abs % 10_000;
    String digits = Integer.toString(10_000 + fraction).substring(1);
    return sign + (abs / 10_000) + "." + digits;
  }
}
