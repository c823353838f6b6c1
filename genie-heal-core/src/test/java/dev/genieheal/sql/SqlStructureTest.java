package dev.genieheal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.sql.SqlStructure.ColumnRef;
import dev.genieheal.sql.SqlStructure.FilterPredicate;
import dev.genieheal.sql.SqlStructure.JoinPair;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlStructureTest {

  private static SqlStructure parse(String sql) {
    return SqlStructure.parse(sql).orElseThrow(() -> new AssertionError("did not parse: " + sql));
  }

  @Test
  void parse_genieJoinWithBackticksAndAliases_resolvesTablesJoinsAndColumns() {
    SqlStructure s = parse("""
        SELECT `c`.`region`, SUM(`o`.`amount`) AS revenue
        FROM `shop`.`sales`.`orders` `o`
        JOIN `shop`.`sales`.`customers` `c` ON `o`.`customer_id` = `c`.`customer_id`
        WHERE `o`.`order_date` >= DATE '2024-01-01' AND `c`.`segment` = 'Retail'
        GROUP BY ALL ORDER BY revenue DESC LIMIT 10
        """);
    assertThat(s.tables()).extracting(SqlStructure.TableRef::name)
        .containsExactly("shop.sales.orders", "shop.sales.customers");
    assertThat(s.joins()).containsExactly(new JoinPair(
        new ColumnRef("shop.sales.customers", "customer_id"), new ColumnRef("shop.sales.orders", "customer_id")));
    assertThat(s.columns()).contains(new ColumnRef("shop.sales.orders", "amount"),
        new ColumnRef("shop.sales.customers", "region"));
    assertThat(s.aggregates()).singleElement().satisfies(a -> {
      assertThat(a.function()).isEqualTo("sum");
      assertThat(a.expression()).isEqualTo("sum(orders.amount)");
      assertThat(a.columns()).containsExactly(new ColumnRef("shop.sales.orders", "amount"));
    });
    assertThat(s.filters()).extracting(FilterPredicate::operator, FilterPredicate::values)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(">=", List.of("2024-01-01")),
            org.assertj.core.groups.Tuple.tuple("=", List.of("Retail")));
    assertThat(s.filters().get(1).column()).isEqualTo(new ColumnRef("shop.sales.customers", "segment"));
    assertThat(s.limit()).isEqualTo(10L);
    assertThat(s.hasTopLevelOrderBy()).isTrue();
    assertThat(s.orderBy()).containsExactly("revenue desc");
  }

  @Test
  void parse_unqualifiedColumnsOfOneTable_areQualifiedWithIt() {
    SqlStructure s = parse("SELECT region, COUNT(*) FROM shop.sales.stores WHERE state IN ('CA', 'NY') GROUP BY region");
    assertThat(s.columns()).containsExactly(new ColumnRef("shop.sales.stores", "region"),
        new ColumnRef("shop.sales.stores", "state"));
    assertThat(s.filters()).singleElement().satisfies(f -> {
      assertThat(f.operator()).isEqualTo("in");
      assertThat(f.values()).containsExactly("CA", "NY");
    });
    assertThat(s.aggregates()).singleElement().satisfies(a -> assertThat(a.argument()).isEqualTo("*"));
    assertThat(s.groupBy()).containsExactly("stores.region");
  }

  @Test
  void parse_interval_isAFilterValue() {
    SqlStructure s = parse("SELECT * FROM t WHERE d >= current_date() - INTERVAL 30 DAYS");
    assertThat(s.filters()).singleElement().satisfies(f -> assertThat(f.values()).singleElement().asString()
        .contains("interval 30 days"));
  }

  @Test
  void parse_qualify_isAFilter() {
    SqlStructure s = parse("SELECT a, ROW_NUMBER() OVER (PARTITION BY b ORDER BY c) AS rn FROM t QUALIFY rn = 1");
    assertThat(s.filters()).extracting(FilterPredicate::expression).containsExactly("rn = 1");
    assertThat(s.hasTopLevelOrderBy()).isFalse();
  }

  @Test
  void parse_namedParameters_areCollected() {
    SqlStructure s = parse("SELECT * FROM shop.sales.orders WHERE region = :region AND order_date >= :start_date");
    assertThat(s.parameters()).containsExactly("region", "start_date");
    assertThat(s.filters().get(0).values()).containsExactly(":region");
  }

  @Test
  void parse_measure_isAnAggregate() {
    SqlStructure s = parse("SELECT store_region, MEASURE(total_revenue) FROM shop.gold.sales_mv GROUP BY ALL");
    assertThat(s.aggregates()).extracting(SqlStructure.Aggregate::function).containsExactly("measure");
  }

  @Test
  void parse_cte_excludesCteNamesFromTablesAndReadsInside() {
    SqlStructure s = parse("""
        WITH monthly AS (
          SELECT date_trunc('MONTH', o.order_date) AS month, SUM(o.amount) AS revenue
          FROM shop.sales.orders o GROUP BY 1)
        SELECT month, revenue FROM monthly ORDER BY month
        """);
    assertThat(s.tables()).extracting(SqlStructure.TableRef::name).containsExactly("shop.sales.orders");
    assertThat(s.aggregates()).extracting(SqlStructure.Aggregate::expression)
        .containsExactly("sum(orders.amount)");
    assertThat(s.hasTopLevelOrderBy()).isTrue();
  }

  @Test
  void parse_subqueryInWhere_contributesTablesAndCorrelatedColumns() {
    SqlStructure s = parse("""
        SELECT c.name FROM shop.sales.customers c
        WHERE EXISTS (SELECT 1 FROM shop.sales.orders o WHERE o.customer_id = c.customer_id)
        """);
    assertThat(s.tables()).extracting(SqlStructure.TableRef::name)
        .containsExactly("shop.sales.customers", "shop.sales.orders");
    assertThat(s.joins()).hasSize(1);
  }

  @Test
  void parse_tablesample_degradesToEmpty() {
    assertThat(SqlStructure.parse("SELECT * FROM shop.sales.orders TABLESAMPLE (10 PERCENT)")).isEmpty();
  }

  @Test
  void parse_badInput_isEmptyNeverThrows() {
    assertThat(SqlStructure.parse(null)).isEmpty();
    assertThat(SqlStructure.parse("")).isEmpty();
    assertThat(SqlStructure.parse("DELETE FROM t")).isEmpty();
    assertThat(SqlStructure.parse("SELECT FROM WHERE")).isEmpty();
    assertThat(SqlStructure.parse("(".repeat(5000))).isEmpty();
  }

  @Test
  void parse_doesNotLeaveNonDaemonThreads() {
    SqlStructure.parse("SELECT a FROM t");
    SqlNormalizer.normalize("SELECT a FROM t WHERE b = 1");
    ReadOnlySqlGuard.violation("SELECT 1");
    assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(t -> t.getName().startsWith("genie-heal-sql-parser"))
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.isDaemon()).as(t.getName()).isTrue());
    assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(t -> t.isAlive() && !t.isDaemon())
        .extracting(Thread::getName)
        .noneMatch(name -> name.startsWith("pool-"));
  }

  @Test
  void between_genieUsedWrongColumn_reportsMissingAndExtraColumn() {
    SqlDiff diff = SqlDiff.between(
        parse("SELECT SUM(o.amount) FROM shop.sales.orders o"),
        parse("SELECT SUM(net_amount) FROM shop.sales.orders"));
    assertThat(diff.missingColumns()).containsExactly(new ColumnRef("shop.sales.orders", "amount"));
    assertThat(diff.extraColumns()).containsExactly(new ColumnRef("shop.sales.orders", "net_amount"));
    assertThat(diff.missingAggregates()).extracting(SqlStructure.Aggregate::expression)
        .containsExactly("sum(orders.amount)");
    assertThat(diff.describe()).contains("columns missing: shop.sales.orders.amount");
  }

  @Test
  void between_sameQueryDifferentSpelling_isEmpty() {
    SqlDiff diff = SqlDiff.between(
        parse("SELECT o.region, SUM(o.amount) FROM shop.sales.orders o GROUP BY o.region"),
        parse("SELECT region, sum(amount) FROM `shop`.`sales`.`orders` GROUP BY region"));
    assertThat(diff.isEmpty()).as(diff.describe()).isTrue();
  }
}
