package dev.genieheal.testkit;

import dev.genieheal.port.ResultTable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads DuckDB results into {@link ResultTable}s with Spark type names and the value classes ResultTable allows.
 * Kept private to the testkit until {@code ResultTables.fromResultSet} exists in core.
 */
final class DuckRows {
  private DuckRows() {}

  /** Reads at most {@code maxRows} rows; the table is truncated when more were available. */
  static ResultTable read(ResultSet rs, int maxRows) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<ResultTable.Column> columns = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      columns.add(new ResultTable.Column(md.getColumnLabel(i), sparkType(md.getColumnTypeName(i))));
    }
    List<List<Object>> rows = new ArrayList<>();
    boolean truncated = false;
    while (rs.next()) {
      if (rows.size() == maxRows) {
        truncated = true;
        break;
      }
      List<Object> row = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        row.add(value(rs.getObject(i)));
      }
      rows.add(row);
    }
    return new ResultTable(columns, rows, truncated);
  }

  /** The Spark name of a DuckDB type, so results and catalogs look as they would on Databricks. */
  static String sparkType(String duckType) {
    String t = duckType.toUpperCase(Locale.ROOT);
    switch (t) {
      case "VARCHAR":
        return "STRING";
      case "INTEGER":
        return "INT";
      case "HUGEINT":
        return "DECIMAL(38,0)";
      case "BLOB":
        return "BINARY";
      case "TIMESTAMP WITH TIME ZONE":
      case "TIMESTAMP_NS":
      case "TIMESTAMP_MS":
      case "TIMESTAMP_S":
        return "TIMESTAMP";
      default:
        return t;
    }
  }

  private static Object value(Object v) {
    if (v == null || v instanceof String || v instanceof Long || v instanceof Boolean || v instanceof Double
        || v instanceof BigDecimal || v instanceof java.time.LocalDate || v instanceof java.time.LocalDateTime
        || v instanceof byte[]) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float) {
      return ((Float) v).doubleValue();
    }
    if (v instanceof BigInteger) {
      return new BigDecimal((BigInteger) v);
    }
    if (v instanceof java.sql.Date) {
      return ((java.sql.Date) v).toLocalDate();
    }
    if (v instanceof Timestamp) {
      return ((Timestamp) v).toLocalDateTime();
    }
    if (v instanceof OffsetDateTime) {
      return ((OffsetDateTime) v).toInstant();
    }
    return v.toString();
  }
}
