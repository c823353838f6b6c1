package dev.genieheal.databricks.sink;

import java.time.Instant;

/**
 * Builds Databricks SQL literals and checks table names, for the only SQL genie-heal writes itself (the Delta
 * sink's CREATE TABLE IF NOT EXISTS and INSERT). Values are never spliced raw: strings are quoted with backslash
 * escapes (Databricks SQL treats {@code \} as an escape inside string literals, so both {@code \} and {@code '} are
 * escaped), numbers are printed by Java, non-finite doubles become NULL.
 */
final class SqlLiterals {
  private SqlLiterals() {}

  static String string(String value) {
    if (value == null) {
      return "NULL";
    }
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  static String number(double value) {
    return Double.isFinite(value) ? Double.toString(value) : "NULL";
  }

  static String number(Double value) {
    return value == null ? "NULL" : number(value.doubleValue());
  }

  static String number(long value) {
    return Long.toString(value);
  }

  static String bool(boolean value) {
    return value ? "TRUE" : "FALSE";
  }

  static String timestamp(Instant value) {
    return value == null ? "NULL" : "TIMESTAMP " + string(value.toString());
  }
}
