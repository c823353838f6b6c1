package dev.genieheal.analyze;

/** Why Genie got a question wrong: the seed's nine categories, plus {@code UNKNOWN} when evidence is lacking. */
public enum FailureCategory {
  /** Genie did not use a table the expected SQL needs. */
  MISSING_TABLE("missing_table"),
  /** Genie did not find the right column. */
  MISSING_COLUMN("missing_column"),
  /** A join condition was wrong. */
  WRONG_JOIN("wrong_join"),
  /** A required join was not performed. */
  MISSING_JOIN("missing_join"),
  /** An aggregation function or grouping was wrong. */
  WRONG_AGGREGATION("wrong_aggregation"),
  /** A filter condition was wrong or missing. */
  WRONG_FILTER("wrong_filter"),
  /** Genie's SQL did not parse. */
  SQL_SYNTAX_ERROR("sql_syntax_error"),
  /** Genie wrote no SQL (text answer, failure or timeout). */
  NO_SQL_GENERATED("no_sql_generated"),
  /** Genie's SQL failed when run. */
  EXECUTION_FAILED("execution_failed"),
  /** The evidence does not point to one category. */
  UNKNOWN("unknown");

  private final String id;

  FailureCategory(String id) {
    this.id = id;
  }

  /** The snake_case id used in reports and prompts, e.g. {@code missing_join}. */
  public String id() {
    return id;
  }
}
