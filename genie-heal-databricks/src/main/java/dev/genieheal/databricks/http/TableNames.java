package dev.genieheal.databricks.http;

import java.util.Objects;
import java.util.regex.Pattern;

/** Checks table names before they are put into SQL text. Internal. */
public final class TableNames {
  private static final Pattern NAME_PART = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|`[^`]+`");

  private TableNames() {}

  /**
   * Returns {@code name}, stripped, when it is a one- to three-part table name of plain or backticked identifiers,
   * so it can be put into SQL text safely.
   *
   * @throws NullPointerException naming {@code what} when null
   * @throws IllegalArgumentException naming {@code what} and the rule otherwise
   */
  public static String require(String name, String what) {
    Objects.requireNonNull(name, what);
    String[] parts = name.strip().split("\\.(?=(?:[^`]*`[^`]*`)*[^`]*$)");
    boolean ok = parts.length >= 1 && parts.length <= 3;
    for (String p : parts) {
      ok &= NAME_PART.matcher(p).matches();
    }
    if (!ok) {
      throw new IllegalArgumentException(what + " must be a table name like catalog.schema.table "
          + "(letters, digits, underscores, or `backticked` parts): " + name);
    }
    return name.strip();
  }
}
