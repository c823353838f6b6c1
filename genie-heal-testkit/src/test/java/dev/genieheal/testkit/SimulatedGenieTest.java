package dev.genieheal.testkit;

import static dev.genieheal.testkit.SimFixtures.CUSTOMERS;
import static dev.genieheal.testkit.SimFixtures.DEPARTMENTS;
import static dev.genieheal.testkit.SimFixtures.EMPLOYEES;
import static dev.genieheal.testkit.SimFixtures.ORDERS;
import static dev.genieheal.testkit.SimFixtures.PRODUCTS;
import static dev.genieheal.testkit.SimFixtures.RETAIL_SQL;
import static dev.genieheal.testkit.SimFixtures.bareHr;
import static dev.genieheal.testkit.SimFixtures.bareRetail;
import static dev.genieheal.testkit.SimFixtures.concat;
import static dev.genieheal.testkit.SimFixtures.description;
import static dev.genieheal.testkit.SimFixtures.entityMatching;
import static dev.genieheal.testkit.SimFixtures.example;
import static dev.genieheal.testkit.SimFixtures.exclude;
import static dev.genieheal.testkit.SimFixtures.join;
import static dev.genieheal.testkit.SimFixtures.list;
import static dev.genieheal.testkit.SimFixtures.rows;
import static dev.genieheal.testkit.SimFixtures.snippet;
import static dev.genieheal.testkit.SimFixtures.synonyms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.error.NotFoundException;
import dev.genieheal.port.AnswerStatus;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.GenieQuestion;
import dev.genieheal.port.SpaceStore;
import dev.genieheal.port.StoredSpace;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.Parameter;
import dev.genieheal.space.SnippetKind;
import dev.genieheal.space.UnknownFields;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SimulatedGenieTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(1);
  private static final ManualClock JUNE_10 = ManualClock.at(Instant.parse("2024-06-10T12:00:00Z"));
  private static LocalWarehouse retail;
  private static LocalWarehouse hr;

  @BeforeAll
  static void warehouses() {
    retail = SimFixtures.retailWarehouse();
    hr = SimFixtures.hrWarehouse();
  }

  @AfterAll
  static void close() {
    retail.close();
    hr.close();
  }

  private static SpaceStore store(GenieSpace space) {
    return SpaceStore.inMemory(new StoredSpace("space-1", "test", null, null, space));
  }

  private static SimulatedGenie genie(LocalWarehouse warehouse, SpaceStore store) {
    return SimulatedGenie.builder().spaces(store).warehouse(warehouse).clock(JUNE_10).build();
  }

  private static GenieAnswer ask(LocalWarehouse warehouse, GenieSpace space, String question) {
    return genie(warehouse, store(space)).ask(new GenieQuestion("space-1", question, TIMEOUT));
  }

  /** Whether the answer's rows equal the expected SQL's rows, ignoring order. */
  private static boolean right(LocalWarehouse warehouse, GenieAnswer answer, String expectedSql) {
    return answer.status() == AnswerStatus.COMPLETED
        && rows(answer.result()).equals(rows(warehouse.execute(expectedSql)));
  }

  /** The fix turns a wrong answer into a right one. */
  private static void assertFixes(LocalWarehouse warehouse, GenieSpace before, GenieSpace after, String question,
      String expectedSql) {
    GenieAnswer wrong = ask(warehouse, before, question);
    GenieAnswer fixed = ask(warehouse, after, question);
    assertThat(right(warehouse, wrong, expectedSql)).as("before the fix: %s", wrong.sql()).isFalse();
    assertThat(right(warehouse, fixed, expectedSql)).as("after the fix: %s", fixed.sql()).isTrue();
  }

  @Nested
  class Retail {
    @Test
    void ask_columnSynonym_resolvesTheTerm() {
      assertFixes(retail, bareRetail(), synonyms(bareRetail(), ORDERS, "amount", "revenue"),
          "What is the total revenue?", "SELECT sum(amount) FROM retail.sales.orders");
    }

    @Test
    void ask_columnDescription_resolvesTheTerm() {
      assertFixes(retail, bareRetail(), description(bareRetail(), ORDERS, "amount", "What the customer paid: spend"),
          "What is the average spend?", "SELECT avg(amount) FROM retail.sales.orders");
    }

    @Test
    void ask_ambiguousColumn_isWrongUntilADescriptionDisambiguates() {
      GenieSpace joined = join(bareRetail(), ORDERS, "customer_id", CUSTOMERS, "customer_id");
      assertFixes(retail, joined, description(joined, ORDERS, "status", "Fulfilment status: shipped or returned"),
          "How many orders per status?", "SELECT status, count(*) FROM retail.sales.orders GROUP BY status");
    }

    @Test
    void ask_ambiguousColumn_isWrongUntilASynonymDisambiguates() {
      GenieSpace joined = join(bareRetail(), ORDERS, "customer_id", CUSTOMERS, "customer_id");
      assertFixes(retail, joined, synonyms(joined, ORDERS, "status", "status", "fulfilment"),
          "How many orders per status?", "SELECT status, count(*) FROM retail.sales.orders GROUP BY status");
    }

    @Test
    void ask_joinSpec_letsTheQuestionSpanTables() {
      assertFixes(retail, bareRetail(), join(bareRetail(), ORDERS, "product_id", PRODUCTS, "product_id"),
          "Total amount by category",
          "SELECT p.category, sum(o.amount) FROM retail.sales.orders o JOIN retail.sales.products p"
              + " ON o.product_id = p.product_id GROUP BY p.category");
    }

    @Test
    void ask_joinSpec_enablesTopNOverAnotherTable() {
      assertFixes(retail, bareRetail(), join(bareRetail(), ORDERS, "customer_id", CUSTOMERS, "customer_id"),
          "Top 2 customers by amount",
          "SELECT c.customer_name, sum(o.amount) FROM retail.sales.orders o JOIN retail.sales.customers c"
              + " ON o.customer_id = c.customer_id GROUP BY 1 ORDER BY 2 DESC LIMIT 2");
    }

    @Test
    void ask_entityMatching_filtersOnTheLiteralValue() {
      GenieSpace joined = join(bareRetail(), ORDERS, "product_id", PRODUCTS, "product_id");
      assertFixes(retail, joined, entityMatching(joined, PRODUCTS, "category"), "Total amount for electronics",
          "SELECT sum(o.amount) FROM retail.sales.orders o JOIN retail.sales.products p"
              + " ON o.product_id = p.product_id WHERE p.category = 'Electronics'");
    }

    @Test
    void ask_measureSnippet_isUsedByDisplayName() {
      assertFixes(retail, bareRetail(), snippet(bareRetail(), SnippetKind.MEASURE, "average order value",
              "SUM(`orders`.`amount`) / COUNT(DISTINCT `orders`.`order_id`)", "aov"),
          "What is the average order value?", "SELECT sum(amount) / count(DISTINCT order_id) FROM retail.sales.orders");
    }

    @Test
    void ask_topNByMeasureSnippet_ranksTheNamedEntity() {
      GenieSpace space = snippet(join(bareRetail(), ORDERS, "customer_id", CUSTOMERS, "customer_id"),
          SnippetKind.MEASURE, "revenue", "SUM(`orders`.`amount`)", "revenue");
      assertThat(right(retail, ask(retail, space, "Top 2 customers by revenue"),
          "SELECT c.customer_name, sum(o.amount) FROM retail.sales.orders o JOIN retail.sales.customers c"
              + " ON o.customer_id = c.customer_id GROUP BY 1 ORDER BY 2 DESC LIMIT 2")).isTrue();
    }

    @Test
    void ask_dateOfATableWithoutDates_comesFromItsParentAlongManyToOneJoins() {
      try (LocalWarehouse lines = LocalWarehouse.builder().script(RETAIL_SQL
          + "CREATE TABLE retail.sales.order_lines (line_id BIGINT, order_id BIGINT, line_amount DECIMAL(10,2));"
          + "INSERT INTO retail.sales.order_lines VALUES (1, 100, 10), (2, 101, 20), (3, 104, 40), (4, 105, 80);")
          .build()) {
        GenieSpace space = bareRetail().withTables(concat(bareRetail().tables(),
            list(DataObject.of("retail.sales.order_lines"))));
        String expected = "SELECT sum(l.line_amount) FROM retail.sales.order_lines l JOIN retail.sales.orders o"
            + " ON l.order_id = o.order_id WHERE o.order_date >= DATE '2024-01-01' AND o.order_date < DATE '2025-01-01'";
        assertFixes(lines, space, join(space, "retail.sales.order_lines", "order_id", ORDERS, "order_id"),
            "Total line amount in 2024", expected);
        assertThat(ask(lines, join(space, "retail.sales.order_lines", "order_id", ORDERS, "order_id"),
            "Total line amount by month").sql()).contains("date_trunc('MONTH', `orders`.`order_date`)");
      }
    }

    @Test
    void ask_filterSnippet_isUsedBySynonym() {
      assertFixes(retail, bareRetail(), snippet(bareRetail(), SnippetKind.FILTER, "high value orders",
              "`orders`.`amount` >= 1000", null, "large orders"),
          "How many large orders?", "SELECT count(*) FROM retail.sales.orders WHERE amount >= 1000");
    }

    @Test
    void ask_expressionSnippet_isUsedAsADimension() {
      assertFixes(retail, bareRetail(), snippet(bareRetail(), SnippetKind.EXPRESSION, "order month",
              "date_format(`orders`.`order_date`, 'yyyy-MM')", "order_month"),
          "Total amount by order month",
          "SELECT date_format(order_date, 'yyyy-MM'), sum(amount) FROM retail.sales.orders GROUP BY 1");
    }

    @Test
    void ask_exampleSql_isReusedForTheSameQuestion() {
      String sql = "SELECT count(*) FILTER (WHERE status = 'returned') * 1.0 / count(*) FROM retail.sales.orders";
      assertFixes(retail, bareRetail(), example(bareRetail(), "What share of orders were returned?", sql),
          "what share of orders were returned", sql);
    }

    @Test
    void ask_parameterizedExampleSql_fillsTheSlotFromTheQuestion() {
      GenieSpace space = example(join(bareRetail(), ORDERS, "customer_id", CUSTOMERS, "customer_id"),
          "Total spent by customer :name",
          "SELECT sum(o.amount) FROM retail.sales.orders o JOIN retail.sales.customers c"
              + " ON o.customer_id = c.customer_id WHERE c.customer_name = :name",
          new Parameter("name", "STRING", List.of(), List.of(), UnknownFields.none()));
      GenieAnswer a = ask(retail, space, "Total spent by customer Bob?");
      assertThat(a.sql()).endsWith("WHERE c.customer_name = 'Bob'");
      assertThat(rows(a.result())).containsExactly("1600");
    }

    @Test
    void ask_datePhrases_filterTheDateColumn() {
      assertThat(right(retail, ask(retail, bareRetail(), "Total amount in March 2024"),
          "SELECT sum(amount) FROM retail.sales.orders WHERE order_date BETWEEN '2024-03-01' AND '2024-03-31'"))
          .isTrue();
      assertThat(right(retail, ask(retail, bareRetail(), "How many orders in 2023?"),
          "SELECT count(*) FROM retail.sales.orders WHERE year(order_date) = 2023")).isTrue();
      assertThat(right(retail, ask(retail, bareRetail(), "Total amount last month"),
          "SELECT sum(amount) FROM retail.sales.orders WHERE order_date BETWEEN '2024-05-01' AND '2024-05-31'"))
          .isTrue();
    }

    @Test
    void ask_groupingAndRanking_orderAndLimit() {
      GenieAnswer a = ask(retail, bareRetail(), "Which region has the most customers?");
      assertThat(a.sql()).contains("GROUP BY `customers`.`region`").contains("DESC").endsWith("LIMIT 1");
      assertThat(rows(a.result())).containsExactly("West|2");
      assertThat(right(retail, ask(retail, bareRetail(), "Average amount per month in 2024"),
          "SELECT date_trunc('month', order_date), avg(amount) FROM retail.sales.orders"
              + " WHERE year(order_date) = 2024 GROUP BY 1")).isTrue();
      assertThat(rows(ask(retail, bareRetail(), "What is the highest amount?").result())).containsExactly("1000");
    }

    @Test
    void ask_excludedColumn_isInvisible() {
      GenieAnswer a = ask(retail, exclude(bareRetail(), ORDERS, "amount"), "What is the total amount?");
      assertThat(a.sql()).doesNotContain("`amount`");
    }

    @Test
    void ask_unrelatedQuestion_givesNoSql() {
      GenieAnswer a = ask(retail, bareRetail(), "What is the weather tomorrow?");
      assertThat(a.status()).isEqualTo(AnswerStatus.NO_SQL);
      assertThat(a.text()).isNotBlank();
    }

    @Test
    void ask_afterTheStoreIsUpdated_seesTheFixAtOnce() {
      SpaceStore store = store(bareRetail());
      SimulatedGenie genie = genie(retail, store);
      GenieQuestion q = new GenieQuestion("space-1", "What is the total revenue?", TIMEOUT);
      assertThat(genie.ask(q).sql()).contains("quantity");
      store.save("space-1", synonyms(bareRetail(), ORDERS, "amount", "revenue"), store.load("space-1").etag());
      assertThat(genie.ask(q).sql()).contains("amount");
    }
  }

  @Nested
  class Hr {
    @Test
    void ask_columnSynonym_resolvesTheTerm() {
      assertFixes(hr, bareHr(), synonyms(bareHr(), EMPLOYEES, "salary", "pay"), "What is the average pay?",
          "SELECT avg(salary) FROM hr.core.employees");
    }

    @Test
    void ask_joinSpec_groupsByTheQualifiedColumn() {
      assertFixes(hr, bareHr(), join(bareHr(), EMPLOYEES, "department_id", DEPARTMENTS, "department_id"),
          "Average salary by department name",
          "SELECT d.name, avg(e.salary) FROM hr.core.employees e JOIN hr.core.departments d"
              + " ON e.department_id = d.department_id GROUP BY d.name");
    }

    @Test
    void ask_entityMatching_filtersOnTheCity() {
      assertFixes(hr, bareHr(), entityMatching(bareHr(), EMPLOYEES, "city"), "How many employees in Paris?",
          "SELECT count(*) FROM hr.core.employees WHERE city = 'Paris'");
    }

    @Test
    void ask_ambiguousName_isWrongUntilASynonymDisambiguates() {
      GenieSpace joined = join(bareHr(), EMPLOYEES, "department_id", DEPARTMENTS, "department_id");
      assertFixes(hr, joined, synonyms(joined, EMPLOYEES, "name", "name", "employee"),
          "Top 2 salary by name",
          "SELECT name, sum(salary) FROM hr.core.employees GROUP BY name ORDER BY 2 DESC LIMIT 2");
    }

    @Test
    void ask_measureSnippet_isUsed() {
      assertFixes(hr, bareHr(), snippet(bareHr(), SnippetKind.MEASURE, "payroll", "SUM(`employees`.`salary`)",
              "payroll"),
          "What is the payroll?", "SELECT sum(salary) FROM hr.core.employees");
    }

    @Test
    void ask_hiredInYear_countsWithTheDateFilter() {
      assertThat(right(hr, ask(hr, bareHr(), "How many employees were hired in 2023?"),
          "SELECT count(*) FROM hr.core.employees WHERE year(hire_date) = 2023")).isTrue();
    }
  }

  @Test
  void ask_sameQuestionTwice_isDeterministic() {
    SimulatedGenie genie = genie(retail, store(bareRetail()));
    GenieQuestion q = new GenieQuestion("space-1", "Total amount by status", TIMEOUT);
    assertThat(genie.ask(q).sql()).isEqualTo(genie.ask(q).sql());
  }

  @Test
  void ask_withNoise_variesAnswersReproduciblyBySeed() {
    List<String> questions = List.of("Total amount in 2024", "How many customers per region?",
        "Average amount per month in 2024", "Top 2 customers by amount", "What is the total amount?");
    List<String> first = noisyAnswers(7, questions);
    assertThat(noisyAnswers(7, questions)).isEqualTo(first);
    List<String> exact = new ArrayList<>();
    SimulatedGenie plain = genie(retail, store(bareRetail()));
    for (String q : questions) {
      for (int i = 0; i < 4; i++) {
        exact.add(String.valueOf(plain.ask(new GenieQuestion("space-1", q, TIMEOUT)).sql()));
      }
    }
    assertThat(first).isNotEqualTo(exact);
    Set<String> forOneQuestion = new HashSet<>(first.subList(0, 4));
    assertThat(forOneQuestion).hasSizeGreaterThan(1);
  }

  private static List<String> noisyAnswers(long seed, List<String> questions) {
    SimulatedGenie genie = SimulatedGenie.builder().spaces(store(bareRetail())).warehouse(retail).clock(JUNE_10)
        .seed(seed).noiseRate(0.6).build();
    List<String> out = new ArrayList<>();
    for (String q : questions) {
      for (int i = 0; i < 4; i++) {
        out.add(String.valueOf(genie.ask(new GenieQuestion("space-1", q, TIMEOUT)).sql()));
      }
    }
    return out;
  }

  @Test
  void ask_latencyRange_isDrawnAndSlept() {
    FakeSleeper sleeper = FakeSleeper.create();
    SimulatedGenie genie = SimulatedGenie.builder().spaces(store(bareRetail())).warehouse(retail)
        .latency(Duration.ofSeconds(1), Duration.ofSeconds(3)).sleeper(sleeper).seed(1).build();
    for (int i = 0; i < 5; i++) {
      GenieAnswer a = genie.ask(new GenieQuestion("space-1", "How many orders?", TIMEOUT));
      assertThat(a.latency()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
    }
    assertThat(sleeper.sleeps()).hasSize(5).doesNotHaveDuplicates();
  }

  @Test
  void ask_latencyBeyondTimeout_timesOut() {
    SimulatedGenie genie = SimulatedGenie.builder().spaces(store(bareRetail())).warehouse(retail)
        .latency(Duration.ofMinutes(2)).sleeper(FakeSleeper.create()).build();
    assertThat(genie.ask(new GenieQuestion("space-1", "How many orders?", TIMEOUT)).status())
        .isEqualTo(AnswerStatus.TIMED_OUT);
  }

  @Test
  void ask_sqlTheWarehouseFails_isAFailedAnswerWithTheSql() {
    GenieSpace space = example(bareRetail(), "broken", "SELECT nope FROM retail.sales.orders");
    GenieAnswer a = ask(retail, space, "broken");
    assertThat(a.status()).isEqualTo(AnswerStatus.FAILED);
    assertThat(a.errorType()).isEqualTo(ScriptedGenie.SQL_ERROR_TYPE);
    assertThat(a.sql()).isEqualTo("SELECT nope FROM retail.sales.orders");
  }

  @Test
  void ask_unknownSpace_throwsNotFound() {
    SimulatedGenie genie = genie(retail, store(bareRetail()));
    assertThatThrownBy(() -> genie.ask(new GenieQuestion("other", "How many orders?", TIMEOUT)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void builder_missingParts_areNamed() {
    assertThatThrownBy(() -> SimulatedGenie.builder().warehouse(retail).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("spaces");
    assertThatThrownBy(() -> SimulatedGenie.builder().spaces(store(bareRetail())).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("warehouse");
  }

  @Test
  void builder_badArguments_areRejected() {
    SimulatedGenie.Builder b = SimulatedGenie.builder();
    assertThatThrownBy(() -> b.noiseRate(1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("noiseRate");
    assertThatThrownBy(() -> b.latency(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latency");
    assertThatThrownBy(() -> b.warehouse(sql -> null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("catalog");
  }
}
