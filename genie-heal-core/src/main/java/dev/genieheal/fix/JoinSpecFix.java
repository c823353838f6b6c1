package dev.genieheal.fix;

import dev.genieheal.space.RelationshipType;
import java.util.List;
import java.util.Objects;

/**
 * Declares a single-equality join between two tables, or replaces a wrong join spec ({@code replacesId}); the
 * replaced spec is kept in the audit record.
 *
 * @param leftTable three-part identifier of the left table
 * @param leftColumn join column of the left table
 * @param rightTable three-part identifier of the right table
 * @param rightColumn join column of the right table
 * @param relationship the cardinality
 * @param comment business meaning, or empty
 * @param replacesId the id of a wrong join spec this one replaces, or null to add
 * @param reason why
 * @param benchmarkIds motivating benchmarks
 */
public record JoinSpecFix(
    String leftTable,
    String leftColumn,
    String rightTable,
    String rightColumn,
    RelationshipType relationship,
    String comment,
    String replacesId,
    String reason,
    List<String> benchmarkIds) implements Fix {
  /** Validates and copies. */
  public JoinSpecFix {
    Fixes.requireText(leftTable, "leftTable");
    Fixes.requireText(leftColumn, "leftColumn");
    Fixes.requireText(rightTable, "rightTable");
    Fixes.requireText(rightColumn, "rightColumn");
    Objects.requireNonNull(relationship, "relationship");
    comment = comment == null ? "" : comment;
    reason = reason == null ? "" : reason;
    benchmarkIds = Fixes.copy(benchmarkIds);
  }

  @Override
  public String type() {
    return "join_spec";
  }
}
