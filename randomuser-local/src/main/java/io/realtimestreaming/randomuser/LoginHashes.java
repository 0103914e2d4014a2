package io.realtimestreaming.randomuser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;

/**
 * Builds {@code login}: username, password, salt and the password's MD5, SHA-1 and SHA-256 of
 * password + salt, as randomuser computes them. Holds its digests, so one instance serves one page
 * on one thread ({@link MessageDigest} is not thread-safe, and looking one up per user would cost
 * more than the hashing).
 */
final class LoginHashes {

  private final MessageDigest md5 = digest("MD5");
  private final MessageDigest sha1 = digest("SHA-1");
  private final MessageDigest sha256 = digest("SHA-256");

  RandomUser.Login login(String uuid, Random random) {
    String username =
        RandomText.pick(LoginWords.ADJECTIVES, random)
            + RandomText.pick(LoginWords.ANIMALS, random)
            + RandomText.between(100, 999, random);
    String password = RandomText.pick(LoginWords.PASSWORDS, random);
    String salt = RandomText.alphanumeric(8, random);
    byte[] salted = (password + salt).getBytes(StandardCharsets.UTF_8);
    return new RandomUser.Login(
        uuid,
        username,
        password,
        salt,
        RandomText.hex(md5.digest(salted)),
        RandomText.hex(sha1.digest(salted)),
        RandomText.hex(sha256.digest(salted)));
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships " + algorithm, e);
    }
  }
}
