package dev.genieheal.sql;

import dev.genieheal.sql.SqlStructure.Aggregate;
import dev.genieheal.sql.SqlStructure.ColumnRef;
import dev.genieheal.sql.SqlStructure.FilterPredicate;
import dev.genieheal.sql.SqlStructure.JoinPair;
import dev.genieheal.sql.SqlStructure.TableRef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * How a generated query differs structurally from the expected one: what the expected SQL has that the generated
 * SQL lacks ({@code missing*}) and the reverse ({@code extra*}). Tables and column qualifiers are compared by the
 * table's last name part, so {@code shop.sales.orders} and {@code orders} match. Immutable.
 *
 * @param missingTables tables the expected SQL reads and the generated one does not
 * @param extraTables tables only the generated SQL reads
 * @param missingJoins join conditions only the expected SQL has
 * @param extraJoins join conditions only the generated SQL has
 * @param missingColumns columns only the expected SQL reads
 * @param extraColumns columns only the generated SQL reads
 * @param missingAggregates aggregates only the expected SQL computes
 * @param extraAggregates aggregates only the generated SQL computes
 * @param missingFilters filter conjuncts only the expected SQL has
 * @param extraFilters filter conjuncts only the generated SQL has
 * @param groupByDiffers whether the GROUP BY lists differ
 * @param limitDiffers whether the LIMITs differ
 */
public record SqlDiff(
    List<TableRef> missingTables,
    List<TableRef> extraTables,
    List<JoinPair> missingJoins,
    List<JoinPair> extraJoins,
    List<ColumnRef> missingColumns,
    List<ColumnRef> extraColumns,
    List<Aggregate> missingAggregates,
    List<Aggregate> extraAggregates,
    List<FilterPredicate> missingFilters,
    List<FilterPredicate> extraFilters,
    boolean groupByDiffers,
    boolean limitDiffers) {

  /** Copies. */
  public SqlDiff {
    missingTables = List.copyOf(missingTables);
    extraTables = List.copyOf(extraTables);
    missingJoins = List.copyOf(missingJoins);
    extraJoins = List.copyOf(extraJoins);
    missingColumns = List.copyOf(missingColumns);
    extraColumns = List.copyOf(extraColumns);
    missingAggregates = List.copyOf(missingAggregates);
    extraAggregates = List.copyOf(extraAggregates);
    missingFilters = List.copyOf(missingFilters);
    extraFilters = List.copyOf(extraFilters);
  }

  /** The difference from {@code expected} to {@code generated}. */
  public static SqlDiff between(SqlStructure expected, SqlStructure generated) {
    BiPredicate<TableRef, TableRef> sameTable = (a, b) -> a.shortName().equals(b.shortName());
    BiPredicate<Aggregate, Aggregate> sameAggregate = (a, b) -> a.expression().equals(b.expression());
    BiPredicate<FilterPredicate, FilterPredicate> sameFilter = (a, b) -> a.expression().equals(b.expression());
    return new SqlDiff(
        minus(expected.tables(), generated.tables(), sameTable),
        minus(generated.tables(), expected.tables(), sameTable),
        minus(expected.joins(), generated.joins(), JoinPair::sameAs),
        minus(generated.joins(), expected.joins(), JoinPair::sameAs),
        minus(expected.columns(), generated.columns(), ColumnRef::sameAs),
        minus(generated.columns(), expected.columns(), ColumnRef::sameAs),
        minus(expected.aggregates(), generated.aggregates(), sameAggregate),
        minus(generated.aggregates(), expected.aggregates(), sameAggregate),
        minus(expected.filters(), generated.filters(), sameFilter),
        minus(generated.filters(), expected.filters(), sameFilter),
        !expected.groupBy().equals(generated.groupBy()),
        !java.util.Objects.equals(expected.limit(), generated.limit()));
  }

  /** Whether no structural difference was found (the queries may still differ in ways not modelled here). */
  public boolean isEmpty() {
    return missingTables.isEmpty() && extraTables.isEmpty() && missingJoins.isEmpty() && extraJoins.isEmpty()
        && missingColumns.isEmpty() && extraColumns.isEmpty() && missingAggregates.isEmpty()
        && extraAggregates.isEmpty() && missingFilters.isEmpty() && extraFilters.isEmpty() && !groupByDiffers
        && !limitDiffers;
  }

  /** A short multi-line description for reports and prompts; empty when there is no difference. */
  public String describe() {
    List<String> lines = new ArrayList<>();
    line(lines, "tables missing", missingTables.stream().map(TableRef::name).toList());
    line(lines, "tables extra", extraTables.stream().map(TableRef::name).toList());
    line(lines, "joins missing", missingJoins);
    line(lines, "joins extra", extraJoins);
    line(lines, "columns missing", missingColumns);
    line(lines, "columns extra", extraColumns);
    line(lines, "aggregates missing", missingAggregates);
    line(lines, "aggregates extra", extraAggregates);
    line(lines, "filters missing", missingFilters);
    line(lines, "filters extra", extraFilters);
    if (groupByDiffers) {
      lines.add("group by differs");
    }
    if (limitDiffers) {
      lines.add("limit differs");
    }
    return String.join("\n", lines);
  }

  private static void line(List<String> lines, String label, List<?> items) {
    if (!items.isEmpty()) {
      lines.add(label + ": " + items.stream().map(String::valueOf).reduce((a, b) -> a + "; " + b).orElse(""));
    }
  }

  private static <T> List<T> minus(List<T> from, List<T> other, BiPredicate<T, T> same) {
    List<T> out = new ArrayList<>();
    for (T item : from) {
      if (other.stream().noneMatch(o -> same.test(item, o))) {
        out.add(item);
      }
    }
    return out;
  }
}
