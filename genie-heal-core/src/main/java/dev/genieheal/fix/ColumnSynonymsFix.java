package dev.genieheal.fix;

import java.util.List;

/**
 * Adds synonyms to a column (a union: existing synonyms stay; duplicates, ignoring case, are not added twice).
 *
 * @param table three-part identifier
 * @param column column name
 * @param synonyms terms to add, at least one
 * @param reason why
 * @param benchmarkIds motivating benchmarks
 */
public record ColumnSynonymsFix(
    String table, String column, List<String> synonyms, String reason, List<String> benchmarkIds) implements Fix {
  /** Validates and copies. */
  public ColumnSynonymsFix {
    Fixes.requireText(table, "table");
    Fixes.requireText(column, "column");
    synonyms = Fixes.copy(synonyms);
    if (synonyms.isEmpty()) {
      throw new IllegalArgumentException("synonyms must not be empty");
    }
    synonyms.forEach(s -> Fixes.requireText(s, "synonym"));
    reason = reason == null ? "" : reason;
    benchmarkIds = Fixes.copy(benchmarkIds);
  }

  @Override
  public String type() {
    return "column_synonyms";
  }
}
