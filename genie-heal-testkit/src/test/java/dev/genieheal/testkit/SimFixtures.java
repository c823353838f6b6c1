package dev.genieheal.testkit;

import dev.genieheal.port.ResultTable;
import dev.genieheal.space.ColumnConfig;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.ExampleQuestionSql;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.JoinSide;
import dev.genieheal.space.JoinSpec;
import dev.genieheal.space.Parameter;
import dev.genieheal.space.RelationshipType;
import dev.genieheal.space.SnippetKind;
import dev.genieheal.space.SqlSnippet;
import dev.genieheal.space.UnknownFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Two small schemas (retail and HR) with bare spaces, and space edits that mirror each fix kind. Spaces are built
 * from records; lists are ArrayLists because the model's list copy rejects immutable lists (reported to the lead).
 */
final class SimFixtures {
  private SimFixtures() {}

  static final String CUSTOMERS = "retail.sales.customers";
  static final String PRODUCTS = "retail.sales.products";
  static final String ORDERS = "retail.sales.orders";
  static final String EMPLOYEES = "hr.core.employees";
  static final String DEPARTMENTS = "hr.core.departments";

  static final String RETAIL_SQL = """
      CREATE TABLE retail.sales.customers (customer_id BIGINT, customer_name STRING, region STRING,
        status STRING, signup_date DATE);
      INSERT INTO retail.sales.customers VALUES
        (1, 'Ann', 'West', 'active', DATE '2023-01-10'), (2, 'Bob', 'East', 'active', DATE '2023-05-02'),
        (3, 'Cid', 'West', 'churned', DATE '2023-07-19'), (4, 'Dee', 'North', 'active', DATE '2024-02-01');
      CREATE TABLE retail.sales.products (product_id BIGINT, product_name STRING, category STRING,
        unit_price DECIMAL(10,2));
      INSERT INTO retail.sales.products VALUES (10, 'Laptop', 'Electronics', 1000), (11, 'Phone', 'Electronics', 500),
        (12, 'Desk', 'Furniture', 300), (13, 'Chair', 'Furniture', 100);
      CREATE TABLE retail.sales.orders (order_id BIGINT, customer_id BIGINT, product_id BIGINT, order_date DATE,
        status STRING, quantity INT, amount DECIMAL(10,2));
      INSERT INTO retail.sales.orders VALUES
        (100, 1, 10, DATE '2024-01-15', 'shipped', 1, 1000), (101, 2, 11, DATE '2024-02-10', 'shipped', 2, 1000),
        (102, 3, 12, DATE '2024-03-05', 'returned', 1, 300), (103, 1, 13, DATE '2024-03-20', 'shipped', 4, 400),
        (104, 4, 10, DATE '2023-11-11', 'shipped', 1, 1000), (105, 2, 12, DATE '2024-05-01', 'returned', 2, 600),
        (106, 3, 11, DATE '2024-05-15', 'shipped', 1, 500), (107, 4, 13, DATE '2024-05-28', 'shipped', 3, 300);
      """;

  static final String HR_SQL = """
      CREATE TABLE hr.core.departments (department_id INT, name STRING, budget DECIMAL(12,2));
      INSERT INTO hr.core.departments VALUES (1, 'Engineering', 900000), (2, 'Sales', 400000), (3, 'Support', 150000);
      CREATE TABLE hr.core.employees (employee_id INT, name STRING, department_id INT, salary DECIMAL(10,2),
        hire_date DATE, city STRING);
      INSERT INTO hr.core.employees VALUES
        (1, 'Ava', 1, 120000, DATE '2021-04-01', 'Paris'), (2, 'Ben', 1, 110000, DATE '2023-06-15', 'Berlin'),
        (3, 'Cleo', 2, 70000, DATE '2023-09-01', 'Paris'), (4, 'Dan', 2, 65000, DATE '2022-01-20', 'Madrid'),
        (5, 'Eve', 3, 50000, DATE '2023-02-11', 'Berlin'), (6, 'Finn', 3, 52000, DATE '2024-03-03', 'Paris');
      """;

  static LocalWarehouse retailWarehouse() {
    return LocalWarehouse.builder().script(RETAIL_SQL).build();
  }

  static LocalWarehouse hrWarehouse() {
    return LocalWarehouse.builder().script(HR_SQL).build();
  }

  /** The retail tables with no metadata at all. */
  static GenieSpace bareRetail() {
    return GenieSpace.empty().withTables(list(DataObject.of(CUSTOMERS), DataObject.of(ORDERS), DataObject.of(PRODUCTS)));
  }

  /** The HR tables with no metadata at all. */
  static GenieSpace bareHr() {
    return GenieSpace.empty().withTables(list(DataObject.of(DEPARTMENTS), DataObject.of(EMPLOYEES)));
  }

  private static final AtomicLong IDS = new AtomicLong();

  static String id() {
    return String.format("%032x", IDS.incrementAndGet());
  }

  @SafeVarargs
  static <T> List<T> list(T... items) {
    return new ArrayList<>(List.of(items));
  }

  static GenieSpace column(GenieSpace space, String table, String column, UnaryOperator<ColumnConfig> edit) {
    List<DataObject> tables = new ArrayList<>();
    for (DataObject t : space.tables()) {
      if (t.identifier().equals(table)) {
        List<ColumnConfig> configs = new ArrayList<>(t.columnConfigs());
        ColumnConfig current = t.column(column).orElse(ColumnConfig.of(column));
        configs.removeIf(c -> c.columnName().equalsIgnoreCase(column));
        configs.add(edit.apply(current));
        t = t.withColumnConfigs(configs);
      }
      tables.add(t);
    }
    return space.withTables(tables);
  }

  static GenieSpace synonyms(GenieSpace space, String table, String column, String... synonyms) {
    return column(space, table, column, c -> c.withSynonyms(list(synonyms)));
  }

  static GenieSpace description(GenieSpace space, String table, String column, String text) {
    return column(space, table, column, c -> c.withDescription(list(text)));
  }

  static GenieSpace entityMatching(GenieSpace space, String table, String column) {
    return column(space, table, column, c -> c.withFlags(c.exclude(), true, true));
  }

  static GenieSpace exclude(GenieSpace space, String table, String column) {
    return column(space, table, column, c -> c.withFlags(true, c.enableFormatAssistance(),
        c.enableEntityMatching()));
  }

  static GenieSpace join(GenieSpace space, String left, String leftColumn, String right, String rightColumn) {
    List<JoinSpec> joins = new ArrayList<>(space.joinSpecs());
    JoinSide l = JoinSide.of(left);
    JoinSide r = JoinSide.of(right);
    String condition = "`" + l.alias() + "`.`" + leftColumn + "` = `" + r.alias() + "`.`" + rightColumn + "`";
    joins.add(new JoinSpec(id(), l, r, list(condition, RelationshipType.MANY_TO_ONE.marker()), list(), list(),
        UnknownFields.none()));
    return space.withInstructions(space.instructions().withJoinSpecs(joins));
  }

  static GenieSpace snippet(GenieSpace space, SnippetKind kind, String displayName, String sql, String alias,
      String... synonyms) {
    List<SqlSnippet> snippets = new ArrayList<>(space.sqlSnippets().of(kind));
    snippets.add(new SqlSnippet(id(), alias, list(sql), displayName, list(synonyms), list(), list(),
        UnknownFields.none()));
    return space.withInstructions(space.instructions().withSqlSnippets(space.sqlSnippets().with(kind, snippets)));
  }

  static GenieSpace example(GenieSpace space, String question, String sql, Parameter... parameters) {
    List<ExampleQuestionSql> examples = new ArrayList<>(space.exampleQuestionSqls());
    examples.add(new ExampleQuestionSql(id(), list(question), list(sql), list(parameters), list(),
        UnknownFields.none()));
    return space.withInstructions(space.instructions().withExampleQuestionSqls(examples));
  }

  /** Rows as comparable strings, order-insensitive: numbers without trailing zeros. */
  static List<String> rows(ResultTable table) {
    List<String> out = new ArrayList<>();
    for (List<Object> row : table.rows()) {
      List<String> cells = new ArrayList<>();
      for (Object v : row) {
        cells.add(cell(v));
      }
      out.add(String.join("|", cells));
    }
    out.sort(null);
    return out;
  }

  private static String cell(Object v) {
    if (v instanceof BigDecimal) {
      return ((BigDecimal) v).stripTrailingZeros().toPlainString();
    }
    if (v instanceof Double || v instanceof Long) {
      return new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(v);
  }

  static <T> List<T> concat(Collection<T> a, Collection<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
