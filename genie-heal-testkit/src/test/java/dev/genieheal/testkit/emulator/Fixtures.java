package dev.genieheal.testkit.emulator;

import dev.genieheal.error.SqlExecutionException;
import dev.genieheal.port.ResultTable;
import dev.genieheal.port.SqlExecutor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shared test data: a space export and a fake warehouse that knows a few queries. */
final class Fixtures {
  static final String SPACE_ID = "01ef0000aaaabbbbccccddddeeeeffff";
  static final String WAREHOUSE = "abcdef1234567890";
  static final String REGION_SQL = "SELECT region, SUM(net) AS rev FROM cat.sch.orders GROUP BY region";
  static final String COUNT_SQL = "SELECT COUNT(*) AS n FROM cat.sch.orders";
  static final String WRONG_SQL = "SELECT region FROM cat.sch.orders";
  static final String BIG_SQL = "SELECT * FROM cat.sch.big";
  static final String EXPORT = "{\"version\":2,"
      + "\"data_sources\":{\"tables\":[{\"identifier\":\"cat.sch.orders\"}]},"
      + "\"instructions\":{\"example_question_sqls\":[{\"id\":\"00000000000000000000000000000001\","
      + "\"question\":[\"How many orders?\"],\"sql\":[\"" + COUNT_SQL + "\"]}]},"
      + "\"benchmarks\":{\"questions\":["
      + "{\"id\":\"b0000000000000000000000000000001\",\"question\":[\"Revenue by region\"],"
      + "\"answer\":[{\"format\":\"SQL\",\"content\":[\"" + REGION_SQL + "\"]}]},"
      + "{\"id\":\"b0000000000000000000000000000002\",\"question\":[\"How many orders?\"],"
      + "\"answer\":[{\"format\":\"SQL\",\"content\":[\"" + COUNT_SQL + "\"]}]}]}}";

  private Fixtures() {}

  static EmulatedSpace space() {
    return EmulatedSpace.of(SPACE_ID, "Sales", WAREHOUSE, EXPORT);
  }

  /** Knows REGION_SQL, COUNT_SQL, WRONG_SQL and BIG_SQL (7,000 rows); fails everything else. */
  static SqlExecutor warehouse() {
    Map<String, ResultTable> tables = Map.of(
        REGION_SQL, ResultTable.of(
            List.of(new ResultTable.Column("region", "VARCHAR"), new ResultTable.Column("rev", "DECIMAL(28,2)")),
            List.of(List.of("EMEA", new BigDecimal("1200.50")), java.util.Arrays.asList("APAC", null))),
        COUNT_SQL, ResultTable.of(List.of(new ResultTable.Column("n", "BIGINT")), List.of(List.of(42L))),
        WRONG_SQL, ResultTable.of(List.of(new ResultTable.Column("region", "VARCHAR")),
            List.of(List.of("EMEA"), List.of("APAC"))),
        BIG_SQL, big(7_000));
    return sql -> {
      ResultTable t = tables.get(sql.trim());
      if (t == null) {
        throw new SqlExecutionException("[TABLE_OR_VIEW_NOT_FOUND] cannot run: " + sql, "42P01", null);
      }
      return t;
    };
  }

  static ResultTable big(int rows) {
    List<List<Object>> data = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      data.add(List.of((long) i));
    }
    return ResultTable.of(List.of(new ResultTable.Column("i", "BIGINT")), data);
  }
}
