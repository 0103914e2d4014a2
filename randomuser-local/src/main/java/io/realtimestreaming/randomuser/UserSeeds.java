package io.realtimestreaming.randomuser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;

/**
 * Turns a request's {@code seed} into one {@link Random} per user, the same on every machine.
 *
 * <p>A user's identity is (seed, page, index within the page), as with the real API, which seeds
 * one generator per page: asking {@code results=10} and {@code results=20} for the same seed and
 * page gives the same first ten users, but two pages of 500 are not one page of 1000.
 *
 * <p>The seed string goes through SHA-256 once per request (its first 8 bytes, big-endian, are the
 * seed key): {@code String.hashCode} is stable but has 32 bits and collides on short strings. Page
 * and index are then folded in with the SplitMix64 finalizer, a bijective 64-bit mix, so
 * neighbouring indexes give unrelated {@code java.util.Random} seeds. {@code java.util.Random}
 * itself is used because its algorithm is fixed by its specification; {@code SplittableRandom}'s is
 * not promised across JDK versions.
 */
final class UserSeeds {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private UserSeeds() {}

  /** The 64-bit key of a seed string: the first 8 bytes of its UTF-8 SHA-256. */
  static long seedKey(String seed) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      long key = 0;
      for (int i = 0; i < Long.BYTES; i++) {
        key = (key << 8) | (digest[i] & 0xFF);
      }
      return key;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-256", e);
    }
  }

  /** The generator of user {@code index} (0-based) of {@code page} (1-based). */
  static Random userRandom(long seedKey, int page, int index) {
    long pageKey = mix64(seedKey + GOLDEN_GAMMA * page);
    return new Random(mix64(pageKey + GOLDEN_GAMMA * (index + 1L)));
  }

  /** A generator for data derived from a fixed name (the per-nationality pools). */
  static Random namedRandom(String name) {
    return new Random(mix64(seedKey(name)));
  }

  /** SplitMix64's finalizer (Steele, Lea, Flood 2014): every input bit affects every output bit. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
