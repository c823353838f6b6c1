package dev.genieheal.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.port.ResultTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

/** Laws of the comparison: symmetry, row-permutation invariance without ORDER BY, tolerance monotonicity. */
class ResultComparatorProperties {
  private static final List<ResultTable.Column> COLUMNS = List.of(new ResultTable.Column("k", "STRING"),
      new ResultTable.Column("n", "BIGINT"), new ResultTable.Column("x", "DOUBLE"));

  @Provide
  Arbitrary<ResultTable> tables() {
    Arbitrary<List<Object>> rows = Combinators.combine(
        Arbitraries.of("a", "b", "c", null),
        Arbitraries.longs().between(-3, 3).injectNull(0.1),
        Arbitraries.of(0.0, 1.5, -2.25, 1e-12, 1e9, Double.NaN, Double.POSITIVE_INFINITY).injectNull(0.1))
        .as((k, n, x) -> {
          List<Object> row = new ArrayList<>();
          row.add(k);
          row.add(n);
          row.add(x);
          return row;
        });
    return rows.list().ofMaxSize(12).map(r -> ResultTable.of(COLUMNS, r));
  }

  @Property
  void compare_withoutExtraColumns_isSymmetric(@ForAll("tables") ResultTable a, @ForAll("tables") ResultTable b,
      @ForAll boolean ordered) {
    ResultComparator comparator = ResultComparator.withDefaults();

    assertThat(comparator.compare(a, b, ordered).passed()).isEqualTo(comparator.compare(b, a, ordered).passed());
  }

  @Property
  void compare_tableWithItself_passes(@ForAll("tables") ResultTable a, @ForAll boolean ordered) {
    assertThat(ResultComparator.withDefaults().compare(a, a, ordered).passed()).isTrue();
  }

  @Property
  void compare_rowsPermutedWithoutOrderBy_isInvariant(@ForAll("tables") ResultTable a,
      @ForAll("tables") ResultTable b, @ForAll long seed) {
    ResultComparator comparator = ResultComparator.withDefaults();
    List<List<Object>> shuffled = new ArrayList<>(b.rows());
    Collections.shuffle(shuffled, new Random(seed));

    Comparison original = comparator.compare(a, b, false);
    Comparison permuted = comparator.compare(a, ResultTable.of(b.columns(), shuffled), false);

    assertThat(permuted.passed()).isEqualTo(original.passed());
    assertThat(permuted.reasons()).containsExactlyInAnyOrderElementsOf(original.reasons());
    assertThat(comparator.compare(a, ResultTable.of(a.columns(), shuffle(a.rows(), seed)), false).passed()).isTrue();
  }

  @Property
  void compare_toleranceMonotone_passAtTImpliesPassAtLargerT(@ForAll("tables") ResultTable a,
      @ForAll @DoubleRange(min = 0, max = 1e-3) @Scale(9) double noise,
      @ForAll @DoubleRange(min = 0, max = 1e-3) @Scale(9) double t,
      @ForAll @DoubleRange(min = 0, max = 1) @Scale(6) double extra,
      @ForAll boolean ordered) {
    ResultTable b = perturb(a, noise);
    ComparisonOptions tight = ComparisonOptions.builder().relativeTolerance(t).absoluteTolerance(t).build();
    ComparisonOptions loose = ComparisonOptions.builder().relativeTolerance(t + extra).absoluteTolerance(t + extra)
        .build();

    if (ResultComparator.of(tight).compare(a, b, ordered).passed()) {
      assertThat(ResultComparator.of(loose).compare(a, b, ordered).passed()).isTrue();
    }
  }

  @Property
  void compare_extraColumnAdded_passesOnlyOneWay(@ForAll("tables") ResultTable a) {
    ResultTable wider = withConstantColumn(a);
    ResultComparator comparator = ResultComparator.withDefaults();

    assertThat(comparator.compare(a, wider, false).passed()).isTrue();
    if (!a.isEmpty()) {
      assertThat(comparator.compare(wider, a, false).reasons()).contains(ReasonCode.RESULT_MISSING_COLUMNS);
    }
  }

  private static List<List<Object>> shuffle(List<List<Object>> rows, long seed) {
    List<List<Object>> copy = new ArrayList<>(rows);
    Collections.shuffle(copy, new Random(seed));
    return copy;
  }

  private static ResultTable perturb(ResultTable a, double noise) {
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : a.rows()) {
      List<Object> copy = new ArrayList<>(row);
      if (copy.get(2) instanceof Double d) {
        copy.set(2, d * (1 + noise) + noise);
      }
      rows.add(copy);
    }
    return ResultTable.of(a.columns(), rows);
  }

  private static ResultTable withConstantColumn(ResultTable a) {
    List<ResultTable.Column> columns = new ArrayList<>(a.columns());
    columns.add(new ResultTable.Column("zz_extra", "STRING"));
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : a.rows()) {
      List<Object> copy = new ArrayList<>(row);
      copy.add("q");
      rows.add(copy);
    }
    return ResultTable.of(columns, rows);
  }
}
