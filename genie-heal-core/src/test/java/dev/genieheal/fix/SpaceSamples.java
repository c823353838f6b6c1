package dev.genieheal.fix;

import dev.genieheal.space.BenchmarkAnswer;
import dev.genieheal.space.BenchmarkQuestion;
import dev.genieheal.space.Benchmarks;
import dev.genieheal.space.Catalog;
import dev.genieheal.space.ColumnConfig;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.DataSources;
import dev.genieheal.space.ExampleQuestionSql;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.Instructions;
import dev.genieheal.space.JoinSpec;
import dev.genieheal.space.RelationshipType;
import dev.genieheal.space.SampleQuestion;
import dev.genieheal.space.SpaceConfig;
import dev.genieheal.space.SqlSnippet;
import dev.genieheal.space.SqlSnippets;
import dev.genieheal.space.TableSchema;
import dev.genieheal.space.TableSchema.ColumnSchema;
import dev.genieheal.space.UnknownFields;
import java.util.List;

/** A small, valid, canonical sales space written by hand, and its warehouse catalog. */
final class SpaceSamples {
  static final String CUSTOMERS = FixSamples.CUSTOMERS;
  static final String ORDERS = FixSamples.ORDERS;
  static final String PRODUCTS = "main.sales.products";
  static final String REVENUE_MV = "main.sales.revenue_mv";
  /** The join spec orders to products, declared MANY_TO_MANY (wrongly). */
  static final String WRONG_JOIN_ID = id(0x10);
  /** The greatest instruction id of the space. */
  static final String MAX_INSTRUCTION_ID = id(0x30);
  /** The greatest question id (sample questions and benchmarks) of the space. */
  static final String MAX_QUESTION_ID = id(0x51);

  private SpaceSamples() {}

  static String id(long n) {
    return String.format("%032x", n);
  }

  /**
   * Customers (no description, no column configs), orders (described, status with synonym "state" and format
   * assistance), products, a metric view; a wrong join spec, one example, one measure, no text instruction, one
   * sample question and one benchmark.
   */
  static GenieSpace sales() {
    DataObject customers = DataObject.of(CUSTOMERS);
    ColumnConfig status = new ColumnConfig("status", List.of(), List.of("state"), null, true, null, null, null,
        UnknownFields.none());
    DataObject orders = new DataObject(ORDERS, List.of("Orders."), List.of(status), UnknownFields.none());
    DataObject products = DataObject.of(PRODUCTS);
    DataObject revenue = DataObject.of(REVENUE_MV);
    JoinSpec wrong = JoinSpec.of(WRONG_JOIN_ID, ORDERS, "product_id", PRODUCTS, "product_id",
        RelationshipType.MANY_TO_MANY, List.of("Order lines to products."));
    ExampleQuestionSql example = new ExampleQuestionSql(id(0x20), List.of("How many orders are there?"),
        List.of("SELECT COUNT(*)\n", "FROM main.sales.orders"), List.of(), List.of(), UnknownFields.none());
    SqlSnippet measure = new SqlSnippet(MAX_INSTRUCTION_ID, "order_count", List.of("COUNT(orders.order_id)"),
        "Order count", List.of(), List.of(), List.of(), UnknownFields.none());
    Instructions instructions = new Instructions(List.of(), List.of(example), List.of(), List.of(wrong),
        new SqlSnippets(List.of(), List.of(), List.of(measure), UnknownFields.none()), UnknownFields.none());
    BenchmarkQuestion benchmark = new BenchmarkQuestion(MAX_QUESTION_ID, List.of("What is the revenue?"),
        List.of(new BenchmarkAnswer("SQL", List.of("SELECT SUM(net_amount) FROM main.sales.orders"),
            UnknownFields.none())), UnknownFields.none());
    return new GenieSpace(2,
        new SpaceConfig(List.of(SampleQuestion.of(id(0x40), "Top customers?")), UnknownFields.none()),
        new DataSources(List.of(customers, orders, products), List.of(revenue), UnknownFields.none()),
        instructions,
        new Benchmarks(List.of(benchmark), UnknownFields.none()),
        UnknownFields.none());
  }

  /** The warehouse behind {@link #sales()}. */
  static Catalog catalog() {
    return Catalog.of(List.of(
        table(CUSTOMERS, "customer_id", "name", "city", "region"),
        table(ORDERS, "order_id", "customer_id", "product_id", "status", "net_amount", "order_date"),
        table(PRODUCTS, "product_id", "name", "category"),
        table(REVENUE_MV, "region", "revenue")));
  }

  private static TableSchema table(String identifier, String... columns) {
    return new TableSchema(identifier,
        java.util.Arrays.stream(columns).map(c -> new ColumnSchema(c, "STRING")).toList());
  }
}
