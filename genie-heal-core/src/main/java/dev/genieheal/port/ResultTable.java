package dev.genieheal.port;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The rows a query returned: named, typed columns and rows of Java values.
 *
 * <p>Cell values are {@code null}, {@code String}, {@code Boolean}, {@code Long}, {@code java.math.BigDecimal},
 * {@code Double}, {@code java.time.LocalDate}, {@code java.time.LocalDateTime}, {@code java.time.Instant} or
 * {@code byte[]}. Immutable once built (rows are copied; byte arrays are not).
 *
 * @param columns the columns in result order
 * @param rows the rows; each has one value per column
 * @param truncated whether the producer cut the result (e.g. Genie's 5,000-row cap)
 */
public record ResultTable(List<Column> columns, List<List<Object>> rows, boolean truncated) {

  /** Validates that every row has one value per column, and copies. */
  public ResultTable {
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      List<Object> row = rows.get(i);
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "row " + i + " has " + row.size() + " values but there are " + columns.size() + " columns");
      }
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  /** A table that was not truncated. */
  public static ResultTable of(List<Column> columns, List<List<Object>> rows) {
    return new ResultTable(columns, rows, false);
  }

  /** An empty table with the given columns. */
  public static ResultTable empty(List<Column> columns) {
    return new ResultTable(columns, List.of(), false);
  }

  /** The number of rows. */
  public int rowCount() {
    return rows.size();
  }

  /** Whether there are no rows. */
  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /**
   * A column of a result.
   *
   * @param name the column name or alias as the query returned it
   * @param type the SQL type name (e.g. {@code BIGINT}, {@code DECIMAL(18,2)}, {@code STRING}, {@code DATE})
   */
  public record Column(String name, String type) {
    /** Validates. */
    public Column {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }
}
