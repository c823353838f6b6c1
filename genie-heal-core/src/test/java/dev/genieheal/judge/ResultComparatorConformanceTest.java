package dev.genieheal.judge;

import static dev.genieheal.judge.ReasonCode.COLUMN_TYPE_DIFFERENCE;
import static dev.genieheal.judge.ReasonCode.EMPTY_GOOD_SQL;
import static dev.genieheal.judge.ReasonCode.EMPTY_RESULT;
import static dev.genieheal.judge.ReasonCode.RESULT_EXTRA_COLUMNS;
import static dev.genieheal.judge.ReasonCode.RESULT_EXTRA_ROWS;
import static dev.genieheal.judge.ReasonCode.RESULT_MISSING_COLUMNS;
import static dev.genieheal.judge.ReasonCode.RESULT_MISSING_ROWS;
import static dev.genieheal.judge.ReasonCode.ROW_ORDER_DIFFERENCE;
import static dev.genieheal.judge.ReasonCode.SINGLE_CELL_DIFFERENCE;
import static dev.genieheal.judge.Tables.permuteColumns;
import static dev.genieheal.judge.Tables.row;
import static dev.genieheal.judge.Tables.table;
import static dev.genieheal.judge.Tables.wide;
import static dev.genieheal.judge.Tables.withCell;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.port.ResultTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The comparison rules as a table of result pairs with their expected verdicts. Cases named after an anchor
 * (Spider, BIRD, Spider 2.0, defog) reproduce that evaluator's known failure mode.
 */
class ResultComparatorConformanceTest {

  private static final ComparisonOptions DEFAULTS = ComparisonOptions.defaults();
  private static final ResultTable REGIONS = table("region:STRING,revenue:DECIMAL(18,2)",
      row("EMEA", new BigDecimal("1200.50")), row("APAC", new BigDecimal("800.00")), row("AMER", new BigDecimal("950.25")));
  private static final ResultTable WIDE = wide(50, 30);

  /** One conformance case. {@code acceptable} is checked only for failures. */
  record Case(String name, ResultTable expected, ResultTable actual, boolean ordered, ComparisonOptions options,
      boolean pass, Set<ReasonCode> reasons, boolean acceptable) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case pass(String name, ResultTable e, ResultTable a, ReasonCode... info) {
    return new Case(name, e, a, false, DEFAULTS, true, Set.of(info), false);
  }

  private static Case fail(String name, ResultTable e, ResultTable a, ReasonCode... reasons) {
    return new Case(name, e, a, false, DEFAULTS, false, Set.of(reasons), false);
  }

  private static Case acceptableFail(String name, ResultTable e, ResultTable a, ReasonCode... reasons) {
    return new Case(name, e, a, false, DEFAULTS, false, Set.of(reasons), true);
  }

  private static Case ordered(Case c) {
    return new Case(c.name, c.expected, c.actual, true, c.options, c.pass, c.reasons, c.acceptable);
  }

  private static Case with(ComparisonOptions options, Case c) {
    return new Case(c.name, c.expected, c.actual, c.ordered, options, c.pass, c.reasons, c.acceptable);
  }

  private static ResultTable one(String type, Object value) {
    return table("v:" + type, row(value));
  }

  static Stream<Case> cases() {
    List<Case> c = new ArrayList<>();
    // --- bag semantics and order
    c.add(pass("identical single cell", one("BIGINT", 42L), one("BIGINT", 42L)));
    c.add(pass("identical rows", REGIONS, REGIONS));
    c.add(pass("rows shuffled without ORDER BY", REGIONS, table("region,revenue",
        row("AMER", new BigDecimal("950.25")), row("EMEA", new BigDecimal("1200.50")), row("APAC", new BigDecimal("800.00")))));
    c.add(ordered(acceptableFail("rows shuffled with ORDER BY", REGIONS, table("region,revenue",
        row("AMER", new BigDecimal("950.25")), row("EMEA", new BigDecimal("1200.50")), row("APAC", new BigDecimal("800.00"))),
        ROW_ORDER_DIFFERENCE)));
    c.add(ordered(pass("same order with ORDER BY", REGIONS, REGIONS)));
    c.add(ordered(fail("ORDER BY and a missing row", REGIONS, table("region,revenue",
        row("EMEA", new BigDecimal("1200.50")), row("APAC", new BigDecimal("800.00"))), RESULT_MISSING_ROWS)));
    c.add(ordered(fail("ORDER BY and an extra row at the end", table("k", row("a"), row("b")),
        table("k", row("a"), row("b"), row("c")), RESULT_EXTRA_ROWS)));
    c.add(ordered(acceptableFail("ORDER BY ties in another order", table("k,n:BIGINT", row("a", 1L), row("b", 1L), row("c", 2L)),
        table("k,n:BIGINT", row("b", 1L), row("a", 1L), row("c", 2L)), ROW_ORDER_DIFFERENCE)));
    c.add(fail("BIRD: duplicate row dropped by Genie", table("k", row("a"), row("a"), row("b")),
        table("k", row("a"), row("b")), RESULT_MISSING_ROWS));
    c.add(fail("BIRD: duplicate row added by Genie", table("k", row("a"), row("b")),
        table("k", row("a"), row("a"), row("b")), RESULT_EXTRA_ROWS));
    c.add(fail("duplicates with other multiplicities", table("k,n:BIGINT", row("a", 1L), row("a", 1L), row("b", 2L)),
        table("k,n:BIGINT", row("a", 1L), row("b", 2L), row("b", 2L)), RESULT_MISSING_ROWS, RESULT_EXTRA_ROWS));
    c.add(pass("duplicates with equal multiplicities shuffled", table("k", row("a"), row("b"), row("a")),
        table("k", row("a"), row("a"), row("b"))));
    c.add(fail("Spider 2.0: rows scrambled across columns", table("id:BIGINT,name", row(1L, "a"), row(2L, "b"), row(3L, "c")),
        table("id:BIGINT,name", row(1L, "b"), row(2L, "c"), row(3L, "a")), RESULT_MISSING_ROWS, RESULT_EXTRA_ROWS));
    c.add(fail("Spider 2.0: scrambled rows with renamed, swapped columns", table("id:BIGINT,name", row(1L, "a"), row(2L, "b")),
        table("who,num:BIGINT", row("b", 1L), row("a", 2L)), RESULT_MISSING_ROWS, RESULT_EXTRA_ROWS));
    c.add(fail("same shape, different values", table("a:BIGINT,b", row(1L, "x"), row(2L, "y")),
        table("a:BIGINT,b", row(3L, "p"), row(4L, "q")), RESULT_MISSING_ROWS, RESULT_EXTRA_ROWS));
    c.add(fail("same shape and column sums, different rows", table("a:BIGINT,b:BIGINT", row(1L, 4L), row(3L, 2L)),
        table("a:BIGINT,b:BIGINT", row(2L, 3L), row(2L, 3L)), RESULT_MISSING_ROWS, RESULT_EXTRA_ROWS));
    c.add(fail("one expected row missing", REGIONS, table("region,revenue",
        row("EMEA", new BigDecimal("1200.50")), row("AMER", new BigDecimal("950.25"))), RESULT_MISSING_ROWS));
    c.add(fail("one extra row", table("k", row("a")), table("k", row("a"), row("z")), RESULT_EXTRA_ROWS));
    c.add(fail("two cells differ in one row", table("a:BIGINT,b", row(1L, "x"), row(2L, "y")),
        table("a:BIGINT,b", row(1L, "x"), row(5L, "z")), RESULT_MISSING_ROWS, RESULT_EXTRA_ROWS));
    c.add(fail("one cell differs (string)", REGIONS, table("region,revenue",
        row("EMEA", new BigDecimal("1200.50")), row("APJ", new BigDecimal("800.00")), row("AMER", new BigDecimal("950.25"))),
        SINGLE_CELL_DIFFERENCE));
    c.add(fail("strings are case sensitive", one("STRING", "abc"), one("STRING", "ABC"), SINGLE_CELL_DIFFERENCE));
    c.add(fail("trailing whitespace matters", one("STRING", "abc"), one("STRING", "abc "), SINGLE_CELL_DIFFERENCE));
    // --- columns
    c.add(pass("Spider: columns swapped", REGIONS, permuteColumns(REGIONS, new int[] {1, 0})));
    c.add(pass("columns renamed", REGIONS, table("r,total", row("EMEA", new BigDecimal("1200.50")),
        row("APAC", new BigDecimal("800.00")), row("AMER", new BigDecimal("950.25")))));
    c.add(pass("columns renamed and swapped", REGIONS, table("total,r", row(new BigDecimal("1200.50"), "EMEA"),
        row(new BigDecimal("800.00"), "APAC"), row(new BigDecimal("950.25"), "AMER"))));
    c.add(pass("Spider: extra helpful column allowed", REGIONS, table("region,revenue,orders:BIGINT",
        row("EMEA", new BigDecimal("1200.50"), 10L), row("APAC", new BigDecimal("800.00"), 7L),
        row("AMER", new BigDecimal("950.25"), 9L)), RESULT_EXTRA_COLUMNS));
    c.add(with(ComparisonOptions.builder().allowExtraColumns(false).build(),
        acceptableFail("extra column when disallowed", REGIONS, table("orders:BIGINT,region,revenue",
            row(10L, "EMEA", new BigDecimal("1200.50")), row(7L, "APAC", new BigDecimal("800.00")),
            row(9L, "AMER", new BigDecimal("950.25"))), RESULT_EXTRA_COLUMNS)));
    c.add(acceptableFail("missing column, other values present", REGIONS,
        table("region", row("EMEA"), row("APAC"), row("AMER")), RESULT_MISSING_COLUMNS));
    c.add(fail("no expected column present", table("a:BIGINT", row(1L)), table("d:DATE", row(LocalDate.of(2024, 1, 1))),
        COLUMN_TYPE_DIFFERENCE));
    c.add(fail("no expected column present among several", table("a:BIGINT,b:BIGINT", row(1L, 2L)),
        table("x:BOOLEAN", row(true)), COLUMN_TYPE_DIFFERENCE, RESULT_MISSING_COLUMNS));
    c.add(fail("Genie has fewer columns than expected and none match", table("a:BIGINT,b:BIGINT,c:BIGINT", row(1L, 2L, 3L)),
        table("x:BIGINT", row(9L)), RESULT_MISSING_COLUMNS, SINGLE_CELL_DIFFERENCE));
    c.add(fail("extra column changes the grain", table("region,total:BIGINT", row("EMEA", 10L), row("APAC", 5L)),
        table("region,customer,total:BIGINT", row("EMEA", "c1", 6L), row("EMEA", "c2", 4L), row("APAC", "c3", 5L)),
        RESULT_MISSING_ROWS, RESULT_EXTRA_ROWS));
    c.add(pass("identical duplicate columns", table("a:BIGINT,b:BIGINT", row(1L, 1L), row(2L, 2L)),
        table("x:BIGINT,y:BIGINT", row(2L, 2L), row(1L, 1L))));
    c.add(pass("columns with equal value sets resolved by rows", table("a:BIGINT,b:BIGINT", row(1L, 2L), row(2L, 1L)),
        table("b:BIGINT,a:BIGINT", row(2L, 1L), row(1L, 2L))));
    c.add(pass("30 columns permuted", WIDE, permuteColumns(WIDE, reversed(30))));
    c.add(fail("30 columns permuted, one cell differs", WIDE,
        withCell(permuteColumns(WIDE, reversed(30)), 17, 4, "changed"), SINGLE_CELL_DIFFERENCE));
    c.add(pass("column names matched case-insensitively", table("Total_Revenue:DOUBLE", row(1.5), row(2.5)),
        table("total_revenue:DOUBLE", row(2.5), row(1.5))));
    // --- numbers
    c.add(pass("within relative tolerance", one("DOUBLE", 100.0), one("DOUBLE", 100.00005)));
    c.add(acceptableFail("beyond relative tolerance, within near-miss", one("DOUBLE", 100.0), one("DOUBLE", 100.001),
        SINGLE_CELL_DIFFERENCE));
    c.add(fail("far beyond tolerance", one("DOUBLE", 100.0), one("DOUBLE", 150.0), SINGLE_CELL_DIFFERENCE));
    c.add(pass("near zero within absolute tolerance", one("DOUBLE", 0.0), one("DOUBLE", 1e-10)));
    c.add(fail("near zero beyond absolute tolerance", one("DOUBLE", 0.0), one("DOUBLE", 1e-6), SINGLE_CELL_DIFFERENCE));
    c.add(pass("Spider 2.0: tolerance is relative, 1e-2 absolute would equate these only at scale",
        one("DOUBLE", 1.0e9), one("DOUBLE", 1.0e9 + 100)));
    c.add(fail("Spider 2.0: small values differing by less than 1e-2 absolute still differ",
        one("DOUBLE", 0.001), one("DOUBLE", 0.009), SINGLE_CELL_DIFFERENCE));
    c.add(fail("integers are exact", one("BIGINT", 1_000_000L), one("BIGINT", 1_000_001L), SINGLE_CELL_DIFFERENCE));
    c.add(fail("integers beyond 2^53 are exact", one("BIGINT", (1L << 53) + 1), one("BIGINT", (1L << 53) + 2),
        SINGLE_CELL_DIFFERENCE));
    c.add(pass("int vs double", one("BIGINT", 42L), one("DOUBLE", 42.0)));
    c.add(pass("int vs decimal with scale", one("BIGINT", 42L), one("DECIMAL(10,2)", new BigDecimal("42.00"))));
    c.add(pass("decimal vs double", one("DECIMAL(10,2)", new BigDecimal("0.10")), one("DOUBLE", 0.1)));
    c.add(pass("float sum noise", one("DOUBLE", 0.1 + 0.2), one("DOUBLE", 0.3)));
    c.add(pass("negative zero equals zero", one("DOUBLE", -0.0), one("DOUBLE", 0.0)));
    c.add(pass("decimal string vs number", one("DECIMAL(10,2)", new BigDecimal("12.5")), one("STRING", "12.50")));
    c.add(with(ComparisonOptions.builder().coerceStrings(false).build(),
        fail("decimal string vs number without coercion", one("DECIMAL(10,2)", new BigDecimal("12.5")),
            one("STRING", "12.50"), COLUMN_TYPE_DIFFERENCE)));
    c.add(fail("non-numeric string vs number", one("BIGINT", 12L), one("STRING", "twelve"), COLUMN_TYPE_DIFFERENCE));
    c.add(with(ComparisonOptions.builder().relativeTolerance(0.1).build(),
        pass("loose tolerance configured", one("DOUBLE", 100.0), one("DOUBLE", 109.0))));
    c.add(pass("every row has float noise", noisy(0.0), noisy(1e-12)));
    c.add(pass("renamed, moved column with float noise", table("k,v:DOUBLE", row("a", 0.3), row("b", 0.7)),
        table("value:DOUBLE,key", row(0.1 + 0.2, "a"), row(0.7000000000000001, "b"))));
    // --- NaN, infinity, NULL
    c.add(pass("NaN equals NaN", one("DOUBLE", Double.NaN), one("DOUBLE", Double.NaN)));
    c.add(fail("NaN vs number", one("DOUBLE", Double.NaN), one("DOUBLE", 1.0), SINGLE_CELL_DIFFERENCE));
    c.add(pass("Infinity equals Infinity", one("DOUBLE", Double.POSITIVE_INFINITY), one("DOUBLE", Double.POSITIVE_INFINITY)));
    c.add(fail("Infinity vs -Infinity", one("DOUBLE", Double.POSITIVE_INFINITY), one("DOUBLE", Double.NEGATIVE_INFINITY),
        SINGLE_CELL_DIFFERENCE));
    c.add(fail("Infinity vs the largest double", one("DOUBLE", Double.POSITIVE_INFINITY), one("DOUBLE", Double.MAX_VALUE),
        SINGLE_CELL_DIFFERENCE));
    c.add(pass("NaN as a string vs NaN", one("DOUBLE", Double.NaN), one("STRING", "NaN")));
    c.add(pass("NULL equals NULL", table("a,b:BIGINT", row("x", null)), table("a,b:BIGINT", row("x", null))));
    c.add(fail("NULL vs zero", table("a,b:BIGINT", row("x", null)), table("a,b:BIGINT", row("x", 0L)), SINGLE_CELL_DIFFERENCE));
    c.add(fail("NULL vs empty string", table("a,b", row("x", null)), table("a,b", row("x", "")), SINGLE_CELL_DIFFERENCE));
    c.add(pass("all-NULL column matches any type", table("a:BIGINT", row((Object) null)), table("a:STRING", row((Object) null))));
    // --- dates
    c.add(pass("date vs midnight timestamp", one("DATE", LocalDate.of(2024, 1, 31)),
        one("TIMESTAMP_NTZ", LocalDateTime.of(2024, 1, 31, 0, 0))));
    c.add(fail("date vs non-midnight timestamp", one("DATE", LocalDate.of(2024, 1, 31)),
        one("TIMESTAMP_NTZ", LocalDateTime.of(2024, 1, 31, 12, 0)), SINGLE_CELL_DIFFERENCE));
    c.add(with(ComparisonOptions.builder().dateEqualsMidnight(false).build(),
        fail("date vs midnight timestamp when disabled", one("DATE", LocalDate.of(2024, 1, 31)),
            one("TIMESTAMP_NTZ", LocalDateTime.of(2024, 1, 31, 0, 0)), SINGLE_CELL_DIFFERENCE)));
    c.add(pass("date string vs date", one("DATE", LocalDate.of(2024, 1, 31)), one("STRING", "2024-01-31")));
    c.add(pass("instant vs UTC local timestamp", one("TIMESTAMP", Instant.parse("2024-01-31T10:15:30Z")),
        one("TIMESTAMP_NTZ", LocalDateTime.of(2024, 1, 31, 10, 15, 30))));
    c.add(fail("date vs number", one("DATE", LocalDate.of(2024, 1, 31)), one("BIGINT", 20240131L), COLUMN_TYPE_DIFFERENCE));
    // --- binary, boolean
    c.add(pass("binary equal by bytes", one("BINARY", new byte[] {1, 2, 3}), one("BINARY", new byte[] {1, 2, 3})));
    c.add(fail("binary differs by one byte", one("BINARY", new byte[] {1, 2, 3}), one("BINARY", new byte[] {1, 2, 4}),
        SINGLE_CELL_DIFFERENCE));
    c.add(fail("binary vs string", one("BINARY", new byte[] {65}), one("STRING", "A"), COLUMN_TYPE_DIFFERENCE));
    c.add(pass("boolean vs 'true'", one("BOOLEAN", true), one("STRING", "true")));
    c.add(fail("boolean vs number", one("BOOLEAN", true), one("BIGINT", 1L), COLUMN_TYPE_DIFFERENCE));
    // --- empty results
    c.add(pass("both empty", ResultTable.empty(Tables.columns("a:BIGINT")), ResultTable.empty(Tables.columns("a:BIGINT"))));
    c.add(pass("both empty with different columns", ResultTable.empty(Tables.columns("a:BIGINT")),
        ResultTable.empty(Tables.columns("x,y"))));
    c.add(acceptableFail("expected empty, Genie not", ResultTable.empty(Tables.columns("a:BIGINT")), one("BIGINT", 1L),
        EMPTY_GOOD_SQL, RESULT_EXTRA_ROWS));
    c.add(fail("Genie empty, expected not", one("BIGINT", 1L), ResultTable.empty(Tables.columns("a:BIGINT")), EMPTY_RESULT));
    c.add(fail("defog: same row count but different values is not a pass", table("n:BIGINT", row(1L), row(2L)),
        table("n:BIGINT", row(1L), row(1L)), SINGLE_CELL_DIFFERENCE));
    return c.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void compare_conformanceCase_matchesExpectedVerdict(Case c) {
    Comparison result = ResultComparator.of(c.options).compare(c.expected, c.actual, c.ordered);

    assertThat(result.passed()).as(c.name + ": " + result.explanation()).isEqualTo(c.pass);
    assertThat(Set.copyOf(result.reasons())).as(c.name + ": " + result.explanation()).isEqualTo(c.reasons);
    assertThat(result.explanation()).isNotBlank();
    if (!c.pass) {
      assertThat(result.mayBeAcceptable()).as(c.name + " may be acceptable").isEqualTo(c.acceptable);
    }
  }

  @org.junit.jupiter.api.Test
  void cases_coverAtLeastSixtyPairs() {
    assertThat(cases().count()).isGreaterThanOrEqualTo(60);
  }

  private static int[] reversed(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = n - 1 - i;
    }
    return order;
  }

  private static ResultTable noisy(double noise) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      rows.add(row("k" + i, i * 0.1 * (1 + noise)));
    }
    return ResultTable.of(Tables.columns("k,v:DOUBLE"), rows);
  }
}
