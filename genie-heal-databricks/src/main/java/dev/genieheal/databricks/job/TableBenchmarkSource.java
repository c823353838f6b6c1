package dev.genieheal.databricks.job;

import dev.genieheal.databricks.http.TableNames;
import dev.genieheal.error.ValidationException;
import dev.genieheal.error.Violation;
import dev.genieheal.port.Benchmark;
import dev.genieheal.port.BenchmarkSource;
import dev.genieheal.port.ResultTable;
import dev.genieheal.port.SqlExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Benchmarks read from a Unity Catalog table with the columns {@code id}, {@code question}, {@code expected_sql}
 * (the seed's {@code catalog.schema.benchmarks_table}), through a read-only {@link SqlExecutor}. Thread-safe.
 */
final class TableBenchmarkSource implements BenchmarkSource {
  private final SqlExecutor sql;
  private final String table;

  TableBenchmarkSource(SqlExecutor sql, String table) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.table = TableNames.require(table, "benchmark table");
  }

  /** Whether the text names a table rather than a file or {@code space}. */
  static boolean looksLikeTable(String source) {
    try {
      TableNames.require(source, "source");
      return source.chars().filter(c -> c == '.').count() == 2;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public List<Benchmark> load() {
    ResultTable rows = sql.execute("SELECT id, question, expected_sql FROM " + table);
    List<Benchmark> out = new ArrayList<>();
    List<Violation> problems = new ArrayList<>();
    for (int i = 0; i < rows.rowCount(); i++) {
      List<Object> row = rows.rows().get(i);
      String id = row.get(0) == null ? null : row.get(0).toString();
      String question = row.get(1) == null ? null : row.get(1).toString();
      String expected = row.get(2) == null ? null : row.get(2).toString();
      try {
        out.add(new Benchmark(id, question, expected));
      } catch (NullPointerException | IllegalArgumentException e) {
        problems.add(new Violation(table + "[" + i + "]", "benchmark-row",
            "id, question and expected_sql must all be present and non-blank (id=" + id + ")"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException("benchmark table " + table + " has bad rows", problems);
    }
    return out;
  }

  @Override
  public String toString() {
    return "TableBenchmarkSource[" + table + "]";
  }
}
