package dev.genieheal.analyze;

import static dev.genieheal.analyze.RetailFixture.CATALOG;
import static dev.genieheal.analyze.RetailFixture.CUSTOMERS;
import static dev.genieheal.analyze.RetailFixture.ORDERS;
import static dev.genieheal.analyze.RetailFixture.SPACE;
import static dev.genieheal.analyze.RetailFixture.context;
import static dev.genieheal.analyze.RetailFixture.result;
import static dev.genieheal.analyze.RetailFixture.wrongResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.fix.ColumnDescriptionFix;
import dev.genieheal.fix.ColumnFlagsFix;
import dev.genieheal.fix.ColumnSynonymsFix;
import dev.genieheal.fix.ExampleSqlFix;
import dev.genieheal.fix.Fix;
import dev.genieheal.fix.JoinSpecFix;
import dev.genieheal.fix.SqlSnippetFix;
import dev.genieheal.fix.TableDescriptionFix;
import dev.genieheal.judge.ReasonCode;
import dev.genieheal.port.Benchmark;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.ResultTable;
import dev.genieheal.port.SqlExecutor;
import dev.genieheal.score.QuestionResult;
import dev.genieheal.space.ColumnConfig;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.JoinSide;
import dev.genieheal.space.JoinSpec;
import dev.genieheal.space.RelationshipType;
import dev.genieheal.space.SnippetKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleBasedFailureAnalyzerTest {
  private static final String JOIN_SQL = "SELECT c.region, SUM(o.amount) FROM shop.sales.orders o"
      + " JOIN shop.sales.customers c ON o.customer_id = c.customer_id GROUP BY c.region";

  private final FailureAnalyzer rules = FailureAnalyzer.rules();

  private static <T extends Fix> List<T> only(Analysis analysis, Class<T> type) {
    return analysis.proposed().stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void analyze_questionTermForUnusedColumn_proposesSynonymAndColumnDescription() {
    Analysis a = rules.analyze(context(SPACE, List.of(wrongResult("b1", "What is the total revenue?",
        "SELECT SUM(amount) FROM shop.sales.orders", "SELECT SUM(quantity) FROM shop.sales.orders"))));
    assertThat(only(a, ColumnSynonymsFix.class)).singleElement().satisfies(f -> {
      assertThat(f.table()).isEqualTo(ORDERS);
      assertThat(f.column()).isEqualTo("amount");
      assertThat(f.synonyms()).containsExactly("revenue");
      assertThat(f.benchmarkIds()).containsExactly("b1");
      assertThat(f.reason()).contains("revenue");
    });
    assertThat(only(a, ColumnDescriptionFix.class)).singleElement().satisfies(f -> {
      assertThat(f.column()).isEqualTo("amount");
      assertThat(f.description()).contains("DECIMAL(18,2)").contains("\"revenue\"");
    });
  }

  @Test
  void analyze_questionWordIsOnlyPartOfAMultiWordColumnName_proposesItAsSynonym() {
    // "price" is half of unit_price: a Genie-like engine does not read "prices" as that column, so it needs naming.
    Analysis a = rules.analyze(context(SPACE, List.of(wrongResult("b1", "Average prices by status",
        "SELECT status, AVG(unit_price) FROM shop.sales.orders GROUP BY status",
        "SELECT status, AVG(amount) FROM shop.sales.orders GROUP BY status"))));
    assertThat(only(a, ColumnSynonymsFix.class)).singleElement().satisfies(f -> {
      assertThat(f.column()).isEqualTo("unit_price");
      assertThat(f.synonyms()).containsExactly("prices");
    });
  }

  @Test
  void analyze_questionSpellsAMultiWordColumnName_treatsItAsExplained() {
    Analysis a = rules.analyze(context(SPACE, List.of(wrongResult("b1", "Average unit price of returns",
        "SELECT AVG(unit_price) FROM shop.sales.orders", "SELECT AVG(amount) FROM shop.sales.orders"))));
    assertThat(only(a, ColumnSynonymsFix.class)).singleElement()
        .satisfies(f -> assertThat(f.synonyms()).containsExactly("returns"));
  }

  @Test
  void analyze_measureSnippet_usesTheTablesShortNameAsGenieSqlDoes() {
    Analysis a = rules.analyze(context(SPACE, List.of(wrongResult("b4", "What is the gross merchandise value?",
        "SELECT SUM(o.quantity * o.unit_price) FROM shop.sales.orders o",
        "SELECT SUM(amount) FROM shop.sales.orders"))));
    assertThat(only(a, SqlSnippetFix.class)).singleElement()
        .satisfies(f -> assertThat(f.sql()).isEqualTo("sum(orders.quantity * orders.unit_price)"));
  }

  @Test
  void analyze_existingSynonym_isNotProposedAgain() {
    GenieSpace space = SPACE.withTables(new ArrayList<>(List.of(DataObject.of(CUSTOMERS),
        DataObject.of(ORDERS).withColumnConfigs(new ArrayList<>(List.of(
            ColumnConfig.of("amount").withSynonyms(new ArrayList<>(List.of("revenue")))))))));
    Analysis a = rules.analyze(context(space, List.of(wrongResult("b1", "What is the total revenue?",
        "SELECT SUM(amount) FROM shop.sales.orders", "SELECT SUM(quantity) FROM shop.sales.orders"))));
    assertThat(only(a, ColumnSynonymsFix.class)).isEmpty();
  }

  @Test
  void analyze_missingJoinWithoutExecutor_proposesJoinSpecStatingTheAssumption() {
    Analysis a = rules.analyze(context(SPACE, List.of(wrongResult("b2", "Total revenue by region",
        JOIN_SQL, "SELECT SUM(amount) FROM shop.sales.orders"))));
    assertThat(only(a, JoinSpecFix.class)).singleElement().satisfies(f -> {
      assertThat(f.leftTable()).isEqualTo(ORDERS);
      assertThat(f.leftColumn()).isEqualTo("customer_id");
      assertThat(f.rightTable()).isEqualTo(CUSTOMERS);
      assertThat(f.relationship()).isEqualTo(RelationshipType.MANY_TO_ONE);
      assertThat(f.replacesId()).isNull();
      assertThat(f.reason()).contains("assumed");
      assertThat(f.comment()).startsWith("MANY-TO-ONE");
    });
    assertThat(only(a, TableDescriptionFix.class)).extracting(TableDescriptionFix::table)
        .containsExactly(CUSTOMERS, ORDERS);
  }

  @Test
  void analyze_missingJoinWithExecutor_measuresKeyUniquenessThroughTheGuard() {
    List<String> probes = new ArrayList<>();
    SqlExecutor executor = sql -> {
      probes.add(sql);
      long distinct = sql.contains("`customers`") ? 50 : 40; // customers.customer_id unique, orders' not
      long rows = sql.contains("`customers`") ? 50 : 1000;
      return ResultTable.of(List.of(new ResultTable.Column("row_count", "BIGINT"),
          new ResultTable.Column("key_count", "BIGINT")), List.of(List.of(rows, distinct)));
    };
    List<QuestionResult> failures = List.of(wrongResult("b2", "Total revenue by region", JOIN_SQL,
        "SELECT SUM(amount) FROM shop.sales.orders"));
    AnalysisContext ctx = new AnalysisContext(SPACE, failures, List.of(failures.get(0).benchmark()), List.of(),
        CATALOG, executor, 1);
    JoinSpecFix join = only(rules.analyze(ctx), JoinSpecFix.class).get(0);
    assertThat(join.relationship()).isEqualTo(RelationshipType.MANY_TO_ONE);
    assertThat(join.reason()).contains("measured");
    assertThat(probes).hasSize(2).allSatisfy(p -> assertThat(p).startsWith("SELECT COUNT(*)"));
  }

  @Test
  void analyze_wrongJoinAgainstExistingSpec_proposesReplacement() {
    JoinSpec wrong = new JoinSpec("0123456789abcdef0123456789abcdef", JoinSide.of(ORDERS), JoinSide.of(CUSTOMERS),
        new ArrayList<>(List.of("`orders`.`order_id` = `customers`.`customer_id`",
            RelationshipType.MANY_TO_ONE.marker())), List.of(), List.of(), null);
    GenieSpace space = SPACE.withInstructions(SPACE.instructions().withJoinSpecs(new ArrayList<>(List.of(wrong))));
    Analysis a = rules.analyze(context(space, List.of(wrongResult("b3", "Revenue per customer region", JOIN_SQL,
        "SELECT c.region, SUM(o.amount) FROM shop.sales.orders o JOIN shop.sales.customers c"
            + " ON o.order_id = c.customer_id GROUP BY c.region"))));
    assertThat(only(a, JoinSpecFix.class)).singleElement()
        .satisfies(f -> assertThat(f.replacesId()).isEqualTo(wrong.id()));
  }

  @Test
  void analyze_complexAggregateNamedByQuestion_proposesMeasureSnippet() {
    Analysis a = rules.analyze(context(SPACE, List.of(wrongResult("b4", "What is the gross merchandise value?",
        "SELECT SUM(quantity * unit_price) FROM shop.sales.orders", "SELECT SUM(amount) FROM shop.sales.orders"))));
    assertThat(only(a, SqlSnippetFix.class)).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(SnippetKind.MEASURE);
      assertThat(f.sql()).isEqualTo("sum(orders.quantity * orders.unit_price)");
      assertThat(f.displayName()).isEqualTo("gross merchandise value");
      assertThat(f.alias()).isEqualTo("gross_merchandise_value");
    });
  }

  @Test
  void analyze_filterNamedByQuestionWithoutValue_proposesFilterSnippet() {
    Analysis a = rules.analyze(context(SPACE, List.of(wrongResult("b5", "How many fulfilled orders?",
        "SELECT COUNT(*) FROM shop.sales.orders WHERE status IN ('SHIPPED', 'DELIVERED')",
        "SELECT COUNT(*) FROM shop.sales.orders"))));
    assertThat(only(a, SqlSnippetFix.class)).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(SnippetKind.FILTER);
      assertThat(f.sql()).isEqualTo("orders.status in ('SHIPPED', 'DELIVERED')");
      assertThat(f.displayName()).isEqualTo("fulfilled");
    });
  }

  @Test
  void analyze_questionNamesFilterValue_proposesEntityMatching() {
    Analysis a = rules.analyze(context(SPACE, List.of(wrongResult("b6", "Total amount for the Enterprise segment",
        "SELECT SUM(o.amount) FROM shop.sales.orders o JOIN shop.sales.customers c"
            + " ON o.customer_id = c.customer_id WHERE c.segment = 'Enterprise'",
        "SELECT SUM(o.amount) FROM shop.sales.orders o JOIN shop.sales.customers c"
            + " ON o.customer_id = c.customer_id"))));
    assertThat(only(a, ColumnFlagsFix.class)).singleElement().satisfies(f -> {
      assertThat(f.table()).isEqualTo(CUSTOMERS);
      assertThat(f.column()).isEqualTo("segment");
      assertThat(f.entityMatching()).isTrue();
      assertThat(f.formatAssistance()).isTrue();
      assertThat(f.reason()).contains("Enterprise");
    });
  }

  @Test
  void analyze_recurringPatternWithDifferentValues_proposesParameterizedExampleThatPassesTheGuard() {
    List<QuestionResult> failures = List.of(
        wrongResult("b7", "Total amount for the Enterprise segment", segmentSql("Enterprise"),
            "SELECT SUM(amount) FROM shop.sales.orders"),
        wrongResult("b8", "Total amount for the Retail segment", segmentSql("Retail"),
            "SELECT SUM(amount) FROM shop.sales.orders"));
    Analysis a = rules.analyze(context(SPACE, failures));
    assertThat(only(a, ExampleSqlFix.class)).singleElement().satisfies(f -> {
      assertThat(f.question()).isEqualTo("Total amount for the :segment segment");
      assertThat(f.sql()).contains("c.segment = :segment").doesNotContain("'Enterprise'");
      assertThat(f.parameters()).singleElement().satisfies(p -> {
        assertThat(p.name()).isEqualTo("segment");
        assertThat(p.defaultValues()).isEmpty();
      });
      assertThat(f.benchmarkIds()).containsExactly("b7", "b8");
      assertThat(LeakageGuard.of(failures.stream().map(QuestionResult::benchmark).toList()).check(f)).isEmpty();
    });
  }

  @Test
  void analyze_singleFailure_proposesNoExample() {
    Analysis a = rules.analyze(context(SPACE, List.of(wrongResult("b7", "Total amount for the Enterprise segment",
        segmentSql("Enterprise"), "SELECT SUM(amount) FROM shop.sales.orders"))));
    assertThat(only(a, ExampleSqlFix.class)).isEmpty();
  }

  private static String segmentSql(String segment) {
    return "SELECT SUM(o.amount) FROM shop.sales.orders o JOIN shop.sales.customers c"
        + " ON o.customer_id = c.customer_id WHERE c.segment = '" + segment + "'";
  }

  @Test
  void analyze_rolledBackFix_isNotProposedAgain() {
    List<QuestionResult> failures = List.of(wrongResult("b2", "Total revenue by region", JOIN_SQL,
        "SELECT SUM(amount) FROM shop.sales.orders"));
    JoinSpecFix first = only(rules.analyze(context(SPACE, failures)), JoinSpecFix.class).get(0);
    AnalysisContext ctx = new AnalysisContext(SPACE, failures, List.of(failures.get(0).benchmark()),
        List.of(first), CATALOG, null, 2);
    assertThat(only(rules.analyze(ctx), JoinSpecFix.class)).isEmpty();
  }

  @Test
  void analyze_sameInputTwice_givesTheSameProposalsInTheSameOrder() {
    List<QuestionResult> failures = List.of(
        wrongResult("b2", "Total revenue by region", JOIN_SQL, "SELECT SUM(amount) FROM shop.sales.orders"),
        wrongResult("b1", "What is the total revenue?", "SELECT SUM(amount) FROM shop.sales.orders",
            "SELECT SUM(quantity) FROM shop.sales.orders"));
    Analysis one = rules.analyze(context(SPACE, failures));
    Analysis two = rules.analyze(context(SPACE, List.of(failures.get(1), failures.get(0))));
    assertThat(one.proposed()).isEqualTo(two.proposed()).isNotEmpty();
    assertThat(one.proposed().get(0)).isInstanceOf(JoinSpecFix.class);
  }

  @Test
  void analyze_badInput_neverThrows() {
    List<QuestionResult> failures = List.of(
        wrongResult("x1", "???", "SELECT * FROM t TABLESAMPLE (1 ROWS)", "not sql at all"),
        result("x2", "Total revenue", "DROP TABLE shop.sales.orders", GenieAnswer.noSql("no", Duration.ZERO),
            ReasonCode.NO_SQL, ""),
        result("x3", "!!!", "SELECT SUM(amount) FROM shop.sales.unknown_table",
            GenieAnswer.timedOut(Duration.ofSeconds(1)), ReasonCode.TIMED_OUT, ""));
    Analysis a = rules.analyze(new AnalysisContext(GenieSpace.empty(), failures, List.of(), List.of(), null,
        sql -> { throw new IllegalStateException("boom"); }, 0));
    assertThat(a.proposed()).isEmpty();
    assertThat(a.usage()).isEqualTo(dev.genieheal.port.TokenUsage.NONE);
  }

  @Test
  void composite_rulesFirst_nextAnalyzerSeesOnlyUncoveredFailures() {
    List<QuestionResult> failures = List.of(
        wrongResult("b1", "What is the total revenue?", "SELECT SUM(amount) FROM shop.sales.orders",
            "SELECT SUM(quantity) FROM shop.sales.orders"),
        wrongResult("b9", "Sample of orders", "SELECT * FROM shop.sales.orders TABLESAMPLE (10 ROWS)",
            "SELECT * FROM shop.sales.orders LIMIT 10"));
    List<List<String>> seen = new ArrayList<>();
    FailureAnalyzer next = ctx -> {
      seen.add(ctx.failures().stream().map(r -> r.benchmark().id()).toList());
      return Analysis.empty();
    };
    Analysis a = FailureAnalyzer.composite(rules, next).analyze(context(SPACE, failures));
    assertThat(a.proposed()).isNotEmpty();
    assertThat(seen).containsExactly(List.of("b9"));
  }

  @Test
  void builder_minRecurrenceBelowOne_isRejected() {
    assertThatThrownBy(() -> RuleBasedFailureAnalyzer.builder().minRecurrence(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minRecurrence");
  }

  @Test
  void toBuilder_keepsMinRecurrence() {
    RuleBasedFailureAnalyzer analyzer = RuleBasedFailureAnalyzer.builder().leakageGuard(false).minRecurrence(3)
        .build();
    List<QuestionResult> copies = List.of(
        wrongResult("b7", "Total amount for the Enterprise segment", segmentSql("Enterprise"),
            "SELECT SUM(amount) FROM shop.sales.orders"),
        wrongResult("b8", "Total amount for the Retail segment", segmentSql("Retail"),
            "SELECT SUM(amount) FROM shop.sales.orders"));
    // With recurrence 3, two failures sharing a template are not enough.
    assertThat(only(analyzer.toBuilder().build().analyze(context(SPACE, copies)), ExampleSqlFix.class)).isEmpty();
    assertThat(new Benchmark("b", "q", "SELECT 1").id()).isEqualTo("b");
  }
}
