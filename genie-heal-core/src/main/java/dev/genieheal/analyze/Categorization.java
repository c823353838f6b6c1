package dev.genieheal.analyze;

import java.util.List;
import java.util.Objects;

/**
 * The category of one failure with the evidence for it (which table, column, predicate or aggregate).
 *
 * @param category the category
 * @param evidence short facts, e.g. {@code "expected table shop.sales.returns not used"}
 */
public record Categorization(FailureCategory category, List<String> evidence) {
  /** Validates and copies. */
  public Categorization {
    Objects.requireNonNull(category, "category");
    evidence = List.copyOf(evidence);
  }
}
