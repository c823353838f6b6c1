package dev.genieheal.fix;

import dev.genieheal.space.Parameter;
import java.util.List;

/**
 * Adds an example question with its SQL, optionally parameterized ({@code :name} placeholders) and with usage
 * guidance. The SQL must pass the read-only guard; the leakage guard rejects copies of benchmark questions.
 *
 * @param question the example question (a template when parameterized)
 * @param sql the SQL
 * @param parameters parameters the SQL uses, or empty
 * @param usageGuidance when Genie should apply it, or empty
 * @param reason why
 * @param benchmarkIds motivating benchmarks
 */
public record ExampleSqlFix(
    String question,
    String sql,
    List<Parameter> parameters,
    String usageGuidance,
    String reason,
    List<String> benchmarkIds) implements Fix {
  /** Validates and copies. */
  public ExampleSqlFix {
    Fixes.requireText(question, "question");
    Fixes.requireText(sql, "sql");
    parameters = parameters == null ? List.of() : List.copyOf(parameters);
    usageGuidance = usageGuidance == null ? "" : usageGuidance;
    reason = reason == null ? "" : reason;
    benchmarkIds = Fixes.copy(benchmarkIds);
  }

  @Override
  public String type() {
    return "example_sql";
  }
}
