package dev.genieheal.testkit.emulator;

import java.util.SplittableRandom;

/** Seeded id generator: the same seed and the same request sequence give the same ids. Thread-safe. */
final class Ids {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final SplittableRandom random;

  Ids(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** {@code length} lowercase hex characters. */
  synchronized String hex(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = HEX[random.nextInt(16)];
    }
    return new String(out);
  }

  /** A 32-hex id (spaces, conversations, messages, attachments, runs). */
  String id() {
    return hex(32);
  }

  /** A statement id in the UUID-like shape the warehouse uses. */
  String statementId() {
    String h = hex(32);
    return "01f0" + h.substring(0, 4) + "-" + h.substring(4, 8) + "-" + h.substring(8, 12) + "-"
        + h.substring(12, 16) + "-" + h.substring(16, 28);
  }
}
