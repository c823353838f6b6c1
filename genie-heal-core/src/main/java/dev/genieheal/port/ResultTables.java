package dev.genieheal.port;

import dev.genieheal.error.SqlExecutionException;
import java.sql.ResultSet;
import java.util.List;

/** Builds {@link ResultTable}s from JDBC results and from the statement API's JSON_ARRAY (all strings) form. */
public final class ResultTables {
  private ResultTables() {}

  /**
   * Reads every remaining row of a JDBC result set (at most {@code maxRows}; the table is marked truncated when
   * more were available).
   *
   * @throws SqlExecutionException when reading fails
   */
  public static ResultTable fromResultSet(ResultSet resultSet, int maxRows) {
    throw new UnsupportedOperationException("TODO(issue 3)");
  }

  /**
   * Converts rows whose values all arrive as strings (or null) to typed values using the column types from the
   * statement manifest ({@code type_name}: INT, LONG, DECIMAL, DOUBLE, BOOLEAN, DATE, TIMESTAMP, STRING, ...).
   *
   * @throws IllegalArgumentException naming the row and column of a value that does not fit its type
   */
  public static ResultTable fromStrings(List<ResultTable.Column> columns, List<List<String>> rows, boolean truncated) {
    throw new UnsupportedOperationException("TODO(issue 3)");
  }
}
