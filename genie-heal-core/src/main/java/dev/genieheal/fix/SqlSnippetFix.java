package dev.genieheal.fix;

import dev.genieheal.space.SnippetKind;
import java.util.List;
import java.util.Objects;

/**
 * Adds a SQL snippet: a filter (a condition without {@code WHERE}), an expression (a dimension) or a measure (an
 * aggregate). Column references should be table-qualified.
 *
 * @param kind filter, expression or measure
 * @param sql the SQL expression
 * @param alias the name used in generated SQL (expressions and measures), or null
 * @param displayName the name matched against questions
 * @param synonyms alternative terms, or empty
 * @param instruction when to use it, or empty
 * @param reason why
 * @param benchmarkIds motivating benchmarks
 */
public record SqlSnippetFix(
    SnippetKind kind,
    String sql,
    String alias,
    String displayName,
    List<String> synonyms,
    String instruction,
    String reason,
    List<String> benchmarkIds) implements Fix {
  /** Validates and copies. */
  public SqlSnippetFix {
    Objects.requireNonNull(kind, "kind");
    Fixes.requireText(sql, "sql");
    Fixes.requireText(displayName, "displayName");
    synonyms = Fixes.copy(synonyms);
    instruction = instruction == null ? "" : instruction;
    reason = reason == null ? "" : reason;
    benchmarkIds = Fixes.copy(benchmarkIds);
  }

  @Override
  public String type() {
    return "sql_snippet";
  }
}
