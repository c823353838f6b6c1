package dev.genieheal.fix;

import java.util.List;

/**
 * Sets column flags; a null flag is left as it is. Turning entity matching on also turns format assistance on,
 * since the API requires it.
 *
 * @param table three-part identifier
 * @param column column name
 * @param formatAssistance {@code enable_format_assistance}, or null
 * @param entityMatching {@code enable_entity_matching}, or null
 * @param exclude {@code exclude}, or null
 * @param reason why
 * @param benchmarkIds motivating benchmarks
 */
public record ColumnFlagsFix(
    String table,
    String column,
    Boolean formatAssistance,
    Boolean entityMatching,
    Boolean exclude,
    String reason,
    List<String> benchmarkIds) implements Fix {
  /** Validates and copies. */
  public ColumnFlagsFix {
    Fixes.requireText(table, "table");
    Fixes.requireText(column, "column");
    if (formatAssistance == null && entityMatching == null && exclude == null) {
      throw new IllegalArgumentException("a column flags fix must set at least one flag");
    }
    reason = reason == null ? "" : reason;
    benchmarkIds = Fixes.copy(benchmarkIds);
  }

  @Override
  public String type() {
    return "column_flags";
  }
}
