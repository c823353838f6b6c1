package dev.genieheal.analyze;

import dev.genieheal.score.QuestionResult;
import java.util.List;
import java.util.Objects;

/**
 * Failures that share a category and the tables their expected SQL reads: the unit the LLM analyzer sends to the
 * model in one call.
 *
 * @param category the shared category
 * @param tables the tables involved, as the expected SQL names them, sorted
 * @param failures the failed questions with their categorizations, in benchmark order
 */
public record FailureCluster(FailureCategory category, List<String> tables, List<Member> failures) {
  /** Validates and copies. */
  public FailureCluster {
    Objects.requireNonNull(category, "category");
    tables = List.copyOf(tables);
    failures = List.copyOf(failures);
  }

  /** The benchmark ids of the cluster's failures. */
  public List<String> benchmarkIds() {
    return failures.stream().map(m -> m.result().benchmark().id()).toList();
  }

  /** A one-line label, e.g. {@code missing_join over [retail.sales.orders, retail.sales.stores]}. */
  public String label() {
    return category.id() + " over " + tables;
  }

  /**
   * One failure of the cluster.
   *
   * @param result the failed question
   * @param categorization its category and evidence
   */
  public record Member(QuestionResult result, Categorization categorization) {
    /** Validates. */
    public Member {
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(categorization, "categorization");
    }
  }
}
