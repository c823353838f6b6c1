package dev.genieheal.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.fix.ExampleSqlFix;
import dev.genieheal.fix.SampleQuestionFix;
import dev.genieheal.fix.SqlSnippetFix;
import dev.genieheal.fix.TextInstructionFix;
import dev.genieheal.port.Benchmark;
import dev.genieheal.space.Parameter;
import dev.genieheal.space.SnippetKind;
import dev.genieheal.space.UnknownFields;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakageGuardTest {
  private final LeakageGuard guard = LeakageGuard.of(List.of(
      new Benchmark("b-west", "What were total sales in the West region?",
          "SELECT SUM(o.amount) FROM shop.sales.orders o JOIN shop.sales.customers c"
              + " ON o.customer_id = c.customer_id WHERE c.region = 'West'"),
      new Benchmark("b-top", "Top 5 customers by revenue",
          "SELECT name, SUM(amount) FROM shop.sales.orders GROUP BY name ORDER BY 2 DESC LIMIT 5")));

  private static ExampleSqlFix example(String question, String sql, List<Parameter> parameters) {
    return new ExampleSqlFix(question, sql, parameters, "", "r", List.of());
  }

  private static Parameter parameter(String name, String type, String... defaults) {
    return new Parameter(name, type, List.of(), new ArrayList<>(List.of(defaults)), UnknownFields.none());
  }

  @Test
  void check_questionCopiedWithOtherCaseAndPunctuation_isRejectedNamingTheBenchmark() {
    assertThat(guard.check(example("what were TOTAL sales in the west region", "SELECT 1", List.of())))
        .hasValueSatisfying(r -> assertThat(r).contains("b-west").contains("question"));
  }

  @Test
  void check_sqlCopiedWithOtherAliasesAndSpacing_isRejectedNamingTheBenchmark() {
    assertThat(guard.check(example("Sales for a region",
        "select sum(x.amount) from shop.sales.orders x join shop.sales.customers y"
            + " on x.customer_id = y.customer_id where y.region = 'West';", List.of())))
        .hasValueSatisfying(r -> assertThat(r).contains("b-west").contains("SQL"));
  }

  @Test
  void check_templateWhoseDefaultsReproduceABenchmark_isRejected() {
    assertThat(guard.check(example("What were total sales in the :region region?",
        "SELECT SUM(o.amount) FROM shop.sales.orders o JOIN shop.sales.customers c"
            + " ON o.customer_id = c.customer_id WHERE c.region = :region",
        List.of(parameter("region", "STRING", "West")))))
        .hasValueSatisfying(r -> assertThat(r).contains("b-west").contains("default"));
  }

  @Test
  void check_numericDefaultReproducingABenchmark_isRejected() {
    assertThat(guard.check(example("Top :n customers by spend",
        "SELECT name, SUM(amount) FROM shop.sales.orders GROUP BY name ORDER BY 2 DESC LIMIT :n",
        List.of(parameter("n", "INTEGER", "5")))))
        .hasValueSatisfying(r -> assertThat(r).contains("b-top"));
  }

  @Test
  void check_generalisedTemplateWithoutDefaults_isAccepted() {
    assertThat(guard.check(example("What were total sales in the :region region?",
        "SELECT SUM(o.amount) FROM shop.sales.orders o JOIN shop.sales.customers c"
            + " ON o.customer_id = c.customer_id WHERE c.region = :region",
        List.of(parameter("region", "STRING"))))).isEmpty();
  }

  @Test
  void check_templateWithANonBenchmarkDefault_isAccepted() {
    assertThat(guard.check(example("Total sales in region :region",
        "SELECT SUM(o.amount) FROM shop.sales.orders o JOIN shop.sales.customers c"
            + " ON o.customer_id = c.customer_id WHERE c.region = :region",
        List.of(parameter("region", "STRING", "North"))))).isEmpty();
  }

  @Test
  void check_differentQuestionAndSql_isAccepted() {
    assertThat(guard.check(example("Average order value by state",
        "SELECT s.state, AVG(o.amount) FROM shop.sales.orders o JOIN shop.sales.stores s"
            + " ON o.store_id = s.store_id GROUP BY s.state", List.of()))).isEmpty();
  }

  @Test
  void check_sampleQuestionCopy_isRejected() {
    assertThat(guard.check(new SampleQuestionFix("Top 5 customers by revenue!", "r", List.of())))
        .hasValueSatisfying(r -> assertThat(r).contains("b-top"));
  }

  @Test
  void check_instructionQuotingABenchmarkQuestion_isRejected() {
    assertThat(guard.check(new TextInstructionFix(
        "When asked \"Top 5 customers by revenue\" rank by SUM(amount).", "r", List.of())))
        .hasValueSatisfying(r -> assertThat(r).contains("b-top"));
  }

  @Test
  void check_otherFixKinds_areNotLeaks() {
    assertThat(guard.check(new SqlSnippetFix(SnippetKind.MEASURE, "SUM(shop.sales.orders.amount)", "revenue",
        "revenue", List.of(), "", "r", List.of()))).isEmpty();
  }
}
