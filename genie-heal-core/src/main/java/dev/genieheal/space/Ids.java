package dev.genieheal.space;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** Id helpers; not public API. */
final class Ids {
  static final Pattern ID = Pattern.compile("^[0-9a-f]{32}$");
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  private Ids() {}

  static boolean isValid(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** The id one greater than {@code id}; a non-hex id is treated as its valid prefix padded with zeros. */
  static String increment(String id) {
    BigInteger value = isValid(id) ? new BigInteger(id, 16) : BigInteger.ZERO;
    if (value.equals(MAX)) {
      throw new IllegalStateException("no id sorts after " + id);
    }
    return format(value.add(BigInteger.ONE));
  }

  static String format(BigInteger value) {
    String hex = value.toString(16);
    return "0".repeat(32 - hex.length()) + hex;
  }
}
