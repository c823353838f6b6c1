package dev.genieheal.judge;

import dev.genieheal.port.ResultTables;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Cell semantics shared by the comparison: kinds, exact hashing, tolerant equality, a total order and display.
 *
 * <p>The one invariant everything rests on: {@code hash(a) == hash(b)} implies {@code equal(a, b)} under any
 * tolerance (up to 64-bit collisions). Equality does not imply equal hashes (tolerance), which is why rows that
 * hashing cannot pair go to the tolerant matcher.
 */
final class Cells {
  /** What a column holds; NONE means only nulls, MIXED more than one kind. */
  enum Kind { NONE, NUMBER, STRING, TEMPORAL, BOOLEAN, BINARY, MIXED }

  private static final long NULL_HASH = 0x6a09e667f3bcc908L;
  private static final long TRUE_HASH = 0xbb67ae8584caa73bL;
  private static final long FALSE_HASH = 0x3c6ef372fe94f82bL;
  private static final long NAN_HASH = 0xa54ff53a5f1d36f1L;
  private static final long STRING_SALT = 0x510e527fade682d1L;
  private static final long BIG_SALT = 0x9b05688c2b3e6c1fL;
  private static final long BINARY_SALT = 0x1f83d9abfb41bd6bL;
  private static final long DATE_SALT = 0x5be0cd19137e2179L;
  private static final double TWO_53 = 0x1p53;
  private static final HexFormat HEX = HexFormat.of();

  private Cells() {}

  static Kind kindOf(Object v) {
    if (v == null) {
      return Kind.NONE;
    }
    if (v instanceof Number) {
      return Kind.NUMBER;
    }
    if (v instanceof LocalDate || v instanceof LocalDateTime || v instanceof Instant) {
      return Kind.TEMPORAL;
    }
    if (v instanceof Boolean) {
      return Kind.BOOLEAN;
    }
    if (v instanceof byte[]) {
      return Kind.BINARY;
    }
    return Kind.STRING;
  }

  static Kind merge(Kind a, Kind b) {
    if (a == b || b == Kind.NONE) {
      return a;
    }
    return a == Kind.NONE ? b : Kind.MIXED;
  }

  // ---------------------------------------------------------------- hashing

  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  /** Folds one cell hash into a row hash; the order of cells matters. */
  static long combine(long rowHash, long cellHash) {
    return Long.rotateLeft(rowHash, 23) * 0x9E3779B97F4A7C15L + cellHash;
  }

  static long hash(Object v, boolean dateEqualsMidnight) {
    if (v == null) {
      return NULL_HASH;
    }
    if (v instanceof String s) {
      return mix(s.hashCode() + STRING_SALT);
    }
    if (v instanceof Long l) {
      return hashIntegral(l);
    }
    if (v instanceof BigDecimal bd) {
      return hashDecimal(bd);
    }
    if (v instanceof Double d) {
      return hashDouble(d);
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return hashIntegral(((Number) v).longValue());
    }
    if (v instanceof Boolean b) {
      return b ? TRUE_HASH : FALSE_HASH;
    }
    if (v instanceof LocalDate date) {
      return dateEqualsMidnight ? hashTemporal(date.toEpochDay() * 86_400L, 0) : mix(date.toEpochDay() + DATE_SALT);
    }
    if (v instanceof LocalDateTime ldt) {
      return hashTemporal(ldt.toEpochSecond(ZoneOffset.UTC), ldt.getNano());
    }
    if (v instanceof Instant instant) {
      return hashTemporal(instant.getEpochSecond(), instant.getNano());
    }
    if (v instanceof byte[] bytes) {
      return mix(Arrays.hashCode(bytes) + BINARY_SALT);
    }
    if (v instanceof BigInteger big) {
      return hashDecimal(new BigDecimal(big));
    }
    if (v instanceof Number n) {
      return hashDouble(n.doubleValue());
    }
    return mix(v.toString().hashCode() + STRING_SALT);
  }

  /** A hash that forgives float noise: numbers are rounded to float precision. Used only to propose columns. */
  static long coarseHash(Object v, boolean dateEqualsMidnight) {
    if (v instanceof Number n && !(v instanceof Long)) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? hashDouble((float) d) : hashDouble(d);
    }
    return hash(v, dateEqualsMidnight);
  }

  private static long hashDouble(double d) {
    if (Double.isNaN(d)) {
      return NAN_HASH;
    }
    return mix(Double.doubleToRawLongBits(d == 0.0 ? 0.0 : d));
  }

  private static long hashIntegral(long v) {
    // exact in a double up to 2^53, so Long 5, Double 5.0 and BigDecimal 5.00 hash alike; beyond, hash exactly
    return (v <= (1L << 53) && v >= -(1L << 53)) ? hashDouble(v) : mix(v + BIG_SALT);
  }

  private static long hashDecimal(BigDecimal bd) {
    double d = bd.doubleValue();
    if (Math.abs(d) < TWO_53 || !isIntegral(bd)) {
      return hashDouble(d);
    }
    BigInteger big = bd.toBigIntegerExact();
    return big.bitLength() < 64 ? hashIntegral(big.longValue()) : mix(big.hashCode() + BIG_SALT);
  }

  private static long hashTemporal(long epochSecond, int nano) {
    return mix(epochSecond * 1_000_000_007L + nano);
  }

  // ---------------------------------------------------------------- equality

  static boolean equal(Object a, Object b, double rel, double abs, boolean dateEqualsMidnight) {
    if (a == null || b == null) {
      return a == b;
    }
    Kind ka = kindOf(a);
    if (ka != kindOf(b)) {
      return false;
    }
    switch (ka) {
      case NUMBER:
        return numbersEqual((Number) a, (Number) b, rel, abs);
      case TEMPORAL:
        return temporalTag(a, dateEqualsMidnight) == temporalTag(b, dateEqualsMidnight)
            && epochSecond(a) == epochSecond(b) && nano(a) == nano(b);
      case BINARY:
        return Arrays.equals((byte[]) a, (byte[]) b);
      case BOOLEAN:
        return a.equals(b);
      default:
        return a.toString().equals(b.toString());
    }
  }

  static boolean numbersEqual(Number a, Number b, double rel, double abs) {
    if (isExactIntegral(a) && isExactIntegral(b)) {
      if (a instanceof Long x && b instanceof Long y) {
        return x.longValue() == y.longValue();
      }
      return toDecimal(a).compareTo(toDecimal(b)) == 0;
    }
    return doublesEqual(a.doubleValue(), b.doubleValue(), rel, abs);
  }

  static boolean doublesEqual(double a, double b, double rel, double abs) {
    if (a == b) {
      return true;
    }
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.isNaN(a) && Double.isNaN(b);
    }
    if (Double.isInfinite(a) || Double.isInfinite(b)) {
      return false;
    }
    double diff = Math.abs(a - b);
    return diff <= abs || diff <= rel * Math.max(Math.abs(a), Math.abs(b));
  }

  static boolean isExactIntegral(Number n) {
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
        || n instanceof BigInteger) {
      return true;
    }
    return n instanceof BigDecimal bd && isIntegral(bd);
  }

  private static boolean isIntegral(BigDecimal bd) {
    return bd.signum() == 0 || bd.scale() <= 0 || bd.stripTrailingZeros().scale() <= 0;
  }

  private static BigDecimal toDecimal(Number n) {
    if (n instanceof BigDecimal bd) {
      return bd;
    }
    if (n instanceof BigInteger big) {
      return new BigDecimal(big);
    }
    return BigDecimal.valueOf(n.longValue());
  }

  private static int temporalTag(Object v, boolean dateEqualsMidnight) {
    return v instanceof LocalDate && !dateEqualsMidnight ? 1 : 0;
  }

  private static long epochSecond(Object v) {
    if (v instanceof LocalDate d) {
      return d.toEpochDay() * 86_400L;
    }
    if (v instanceof LocalDateTime ldt) {
      return ldt.toEpochSecond(ZoneOffset.UTC);
    }
    return ((Instant) v).getEpochSecond();
  }

  private static int nano(Object v) {
    if (v instanceof LocalDateTime ldt) {
      return ldt.getNano();
    }
    return v instanceof Instant i ? i.getNano() : 0;
  }

  // ---------------------------------------------------------------- order

  /** A total order consistent with exact equality, so near-equal values sort next to each other. */
  static int order(Object a, Object b) {
    Kind ka = kindOf(a);
    Kind kb = kindOf(b);
    if (ka != kb) {
      return Integer.compare(ka.ordinal(), kb.ordinal());
    }
    switch (ka) {
      case NONE:
        return 0;
      case NUMBER: {
        double x = ((Number) a).doubleValue();
        double y = ((Number) b).doubleValue();
        return Double.compare(x == 0.0 ? 0.0 : x, y == 0.0 ? 0.0 : y);
      }
      case TEMPORAL: {
        int c = Long.compare(epochSecond(a), epochSecond(b));
        if (c == 0) {
          c = Integer.compare(nano(a), nano(b));
        }
        return c != 0 ? c : Integer.compare(temporalTag(a, false), temporalTag(b, false));
      }
      case BINARY:
        return Arrays.compare((byte[]) a, (byte[]) b);
      case BOOLEAN:
        return Boolean.compare((Boolean) a, (Boolean) b);
      default:
        return a.toString().compareTo(b.toString());
    }
  }

  // ---------------------------------------------------------------- coercion and display

  /**
   * Parses a string cell as the given kind (e.g. {@code "12.50"} as a number); null when it does not parse.
   * Non-string values are returned unchanged.
   */
  static Object coerce(Object v, Kind target) {
    if (!(v instanceof String s)) {
      return v;
    }
    if (!mayParse(s.strip(), target)) {
      return null; // most mismatches show in the first character; skip the cost of a parse exception
    }
    try {
      switch (target) {
        case NUMBER:
          return parseNumber(s);
        case BOOLEAN:
          return ResultTables.parseValue(s, "BOOLEAN");
        case TEMPORAL:
          return parseTemporal(s.strip());
        default:
          return s;
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean mayParse(String s, Kind target) {
    if (s.isEmpty()) {
      return false;
    }
    char first = s.charAt(0);
    switch (target) {
      case NUMBER:
        return Character.isDigit(first) || first == '-' || first == '+' || first == '.' || first == 'N'
            || first == 'I';
      case TEMPORAL:
        return Character.isDigit(first);
      case BOOLEAN:
        return first == 't' || first == 'T' || first == 'f' || first == 'F';
      default:
        return true;
    }
  }

  private static Object parseNumber(String s) {
    try {
      return ResultTables.parseValue(s, "DECIMAL");
    } catch (IllegalArgumentException notDecimal) {
      return ResultTables.parseValue(s, "DOUBLE");
    }
  }

  private static Object parseTemporal(String s) {
    if (s.length() == 10) {
      return ResultTables.parseValue(s, "DATE");
    }
    boolean zoned = s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$");
    return ResultTables.parseValue(s, zoned ? "TIMESTAMP" : "TIMESTAMP_NTZ");
  }

  /** The cell as shown in an explanation, cut to {@code max} characters. */
  static String display(Object v, int max) {
    String text;
    if (v == null) {
      return "NULL";
    } else if (v instanceof String s) {
      text = "'" + s + "'";
    } else if (v instanceof BigDecimal bd) {
      text = bd.toPlainString();
    } else if (v instanceof byte[] bytes) {
      int shown = Math.min(bytes.length, max / 2);
      text = "0x" + HEX.formatHex(bytes, 0, shown) + (shown < bytes.length ? "…(" + bytes.length + " bytes)" : "");
    } else {
      text = v.toString();
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
