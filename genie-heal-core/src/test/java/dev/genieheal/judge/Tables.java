package dev.genieheal.judge;

import dev.genieheal.port.ResultTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Compact builders for result tables in tests: {@code table("a:BIGINT,b:STRING", row(1L, "x"))}. */
final class Tables {
  private Tables() {}

  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  @SafeVarargs
  static ResultTable table(String header, List<Object>... rows) {
    return new ResultTable(columns(header), List.of(rows), false);
  }

  static List<ResultTable.Column> columns(String header) {
    List<ResultTable.Column> columns = new ArrayList<>();
    if (header.isEmpty()) {
      return columns;
    }
    for (String part : header.split(",(?![^(]*\\))")) {
      String[] nameType = part.split(":");
      columns.add(new ResultTable.Column(nameType[0].strip(), nameType.length > 1 ? nameType[1].strip() : "STRING"));
    }
    return columns;
  }

  /** A table of {@code rows} x {@code cols} distinct values; column c of row r holds a value derived from both. */
  static ResultTable wide(int rows, int cols) {
    List<ResultTable.Column> columns = new ArrayList<>();
    for (int c = 0; c < cols; c++) {
      columns.add(new ResultTable.Column("c" + c, c % 3 == 0 ? "STRING" : c % 3 == 1 ? "BIGINT" : "DOUBLE"));
    }
    List<List<Object>> data = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      Object[] values = new Object[cols];
      for (int c = 0; c < cols; c++) {
        values[c] = c % 3 == 0 ? "v" + r + "_" + c : c % 3 == 1 ? (Object) (long) (r * 31 + c) : (Object) (r * 0.5 + c);
      }
      data.add(Arrays.asList(values));
    }
    return ResultTable.of(columns, data);
  }

  /** The same table with columns reordered: new column k is old column order[k]. */
  static ResultTable permuteColumns(ResultTable t, int[] order) {
    List<ResultTable.Column> columns = new ArrayList<>();
    for (int k : order) {
      columns.add(t.columns().get(k));
    }
    List<List<Object>> data = new ArrayList<>();
    for (List<Object> row : t.rows()) {
      Object[] values = new Object[order.length];
      for (int k = 0; k < order.length; k++) {
        values[k] = row.get(order[k]);
      }
      data.add(Arrays.asList(values));
    }
    return new ResultTable(columns, data, t.truncated());
  }

  /** The same table with one cell replaced. */
  static ResultTable withCell(ResultTable t, int r, int c, Object value) {
    List<List<Object>> data = new ArrayList<>();
    for (List<Object> row : t.rows()) {
      data.add(new ArrayList<>(row));
    }
    data.get(r).set(c, value);
    return new ResultTable(t.columns(), data, t.truncated());
  }
}
