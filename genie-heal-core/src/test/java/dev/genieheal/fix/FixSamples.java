package dev.genieheal.fix;

import dev.genieheal.space.Parameter;
import dev.genieheal.space.RelationshipType;
import dev.genieheal.space.SnippetKind;
import dev.genieheal.space.UnknownFields;
import java.util.Arrays;
import java.util.List;

/** One hand-written fix of every kind, naming the tables of {@link SpaceSamples#sales()}. */
final class FixSamples {
  static final String ORDERS = "main.sales.orders";
  static final String CUSTOMERS = "main.sales.customers";

  private FixSamples() {}

  static TableDescriptionFix tableDescription() {
    return new TableDescriptionFix(CUSTOMERS, "One row per customer.", false, "tables lack context", List.of("b1"));
  }

  static ColumnDescriptionFix columnDescription() {
    return new ColumnDescriptionFix(ORDERS, "status", "Order status: OPEN, SHIPPED or CANCELLED.", false,
        "status values unclear", List.of("b2"));
  }

  static ColumnSynonymsFix columnSynonyms() {
    return new ColumnSynonymsFix(ORDERS, "net_amount", List.of("revenue", "sales"), "revenue not mapped",
        List.of("b3"));
  }

  static ColumnFlagsFix columnFlags() {
    return new ColumnFlagsFix(CUSTOMERS, "city", null, true, null, "misspelled cities", List.of("b4"));
  }

  static JoinSpecFix joinSpec() {
    return new JoinSpecFix(ORDERS, "customer_id", CUSTOMERS, "customer_id", RelationshipType.MANY_TO_ONE,
        "Each order belongs to one customer.", null, "missing join", List.of("b5"));
  }

  static ExampleSqlFix exampleSql() {
    Parameter region = new Parameter("region", "STRING", Arrays.asList("Customer region"), Arrays.asList("EMEA"),
        UnknownFields.none());
    return new ExampleSqlFix("What is the revenue in a region?",
        "SELECT SUM(o.net_amount)\nFROM main.sales.orders o\n"
            + "JOIN main.sales.customers c ON o.customer_id = c.customer_id\nWHERE c.region = :region",
        List.of(region), "Use for revenue by region questions.", "region revenue pattern", List.of("b6"));
  }

  static TextInstructionFix textInstruction() {
    return new TextInstructionFix("Revenue means SUM(net_amount) of orders that are not CANCELLED.",
        "revenue definition", List.of("b7"));
  }

  static SqlSnippetFix sqlSnippet() {
    return new SqlSnippetFix(SnippetKind.MEASURE, "SUM(orders.net_amount)", "total_revenue", "Total revenue",
        List.of("turnover"), "Use for revenue questions.", "revenue measure", List.of("b8"));
  }

  static SampleQuestionFix sampleQuestion() {
    return new SampleQuestionFix("Which customers ordered most last month?", "starter", List.of());
  }

  static List<Fix> all() {
    return List.of(tableDescription(), columnDescription(), columnSynonyms(), columnFlags(), joinSpec(),
        exampleSql(), textInstruction(), sqlSnippet(), sampleQuestion());
  }
}
