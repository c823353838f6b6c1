package dev.genieheal.fix;

import java.util.List;

/**
 * Sets the space-level description of a column. Applied only when the column has no description, unless
 * {@code replace} is true.
 *
 * @param table three-part identifier
 * @param column column name
 * @param description the new description
 * @param replace whether an existing description may be replaced
 * @param reason why
 * @param benchmarkIds motivating benchmarks
 */
public record ColumnDescriptionFix(
    String table, String column, String description, boolean replace, String reason, List<String> benchmarkIds)
    implements Fix {
  /** Validates and copies. */
  public ColumnDescriptionFix {
    Fixes.requireText(table, "table");
    Fixes.requireText(column, "column");
    Fixes.requireText(description, "description");
    reason = reason == null ? "" : reason;
    benchmarkIds = Fixes.copy(benchmarkIds);
  }

  @Override
  public String type() {
    return "column_description";
  }
}
