package dev.genieheal.fix;

import java.util.List;

/**
 * Sets the space-level description of a table or metric view. Applied only when the table has no description,
 * unless {@code replace} is true (the old text is kept in the audit record).
 *
 * @param table three-part identifier
 * @param description the new description
 * @param replace whether an existing description may be replaced
 * @param reason why
 * @param benchmarkIds motivating benchmarks
 */
public record TableDescriptionFix(
    String table, String description, boolean replace, String reason, List<String> benchmarkIds) implements Fix {
  /** Validates and copies. */
  public TableDescriptionFix {
    Fixes.requireText(table, "table");
    Fixes.requireText(description, "description");
    reason = reason == null ? "" : reason;
    benchmarkIds = Fixes.copy(benchmarkIds);
  }

  @Override
  public String type() {
    return "table_description";
  }
}
