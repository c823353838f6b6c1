package dev.genieheal.testkit.bench;

import dev.genieheal.port.GenieQuestion;
import dev.genieheal.port.ResultTable;
import dev.genieheal.port.SqlExecutor;
import dev.genieheal.space.Catalog;
import dev.genieheal.port.SpaceStore;
import dev.genieheal.port.StoredSpace;
import dev.genieheal.space.ColumnConfig;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.Instructions;
import dev.genieheal.space.JoinSide;
import dev.genieheal.space.JoinSpec;
import dev.genieheal.space.RelationshipType;
import dev.genieheal.space.UnknownFields;
import dev.genieheal.testkit.LocalWarehouse;
import dev.genieheal.testkit.SimulatedGenie;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain harness: SimulatedGenie answers per second (planning plus running the SQL on DuckDB) on a samples-sized
 * schema of six tables and ~26,000 rows. Run: {@code java -cp <test classpath> ...SimulatedGenieBenchmark [seconds]}.
 */
public final class SimulatedGenieBenchmark {
  private SimulatedGenieBenchmark() {}

  private static final String SETUP = """
      CREATE TABLE shop.sales.regions AS SELECT i AS region_id, ['West','East','North','South','Central'][i + 1]
        AS region_name FROM range(5) t(i);
      CREATE TABLE shop.sales.stores AS SELECT i AS store_id, 'Store ' || i AS store_name, i % 5 AS region_id
        FROM range(50) t(i);
      CREATE TABLE shop.sales.customers AS SELECT i AS customer_id, 'Customer ' || i AS customer_name,
        ['Consumer','Corporate','Home Office'][i % 3 + 1] AS segment FROM range(1000) t(i);
      CREATE TABLE shop.sales.products AS SELECT i AS product_id, 'Product ' || i AS product_name,
        ['Electronics','Furniture','Office','Toys'][i % 4 + 1] AS category, CAST(5 + i % 97 AS DECIMAL(10,2))
        AS unit_price FROM range(200) t(i);
      CREATE TABLE shop.sales.orders AS SELECT i AS order_id, i % 1000 AS customer_id, i % 50 AS store_id,
        DATE '2023-01-01' + CAST(i % 540 AS INTEGER) AS order_date, CAST(10 + (i * 37) % 990 AS DECIMAL(10,2))
        AS amount FROM range(5000) t(i);
      CREATE TABLE shop.sales.order_items AS SELECT i AS item_id, i % 5000 AS order_id, i % 200 AS product_id,
        1 + i % 4 AS quantity FROM range(15000) t(i);
      """;

  public static void main(String[] args) {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 5;
    try (LocalWarehouse warehouse = LocalWarehouse.builder().script(SETUP).build()) {
      SimulatedGenie genie = SimulatedGenie.builder()
          .spaces(SpaceStore.inMemory(new StoredSpace("bench", null, null, null, space())))
          .warehouse(warehouse).build();
      List<String> questions = List.of("Total amount by region name", "How many orders per segment?",
          "Top 5 customers by revenue", "Total amount for Electronics", "Average amount per month in 2024",
          "How many orders in March 2024?", "Total quantity by category", "Which store has the highest revenue?",
          "How many customers?", "What is the weather?");
      // Planning alone: the same engine over an executor that skips running the answer SQL (value lookups for
      // entity matching still run, once, and are cached).
      SqlExecutor planningOnly = new SqlExecutor() {
        @Override
        public ResultTable execute(String sql) {
          return sql.startsWith("SELECT DISTINCT") ? warehouse.execute(sql) : ResultTable.empty(List.of());
        }

        @Override
        public Optional<Catalog> catalog() {
          return warehouse.catalog();
        }
      };
      SimulatedGenie planner = genie.toBuilder().warehouse(planningOnly).build();
      run(genie, questions, Math.max(1, seconds / 3));
      double perSecond = run(genie, questions, seconds);
      run(planner, questions, Math.max(1, seconds / 3));
      double planned = run(planner, questions, seconds);
      System.out.printf("SimulatedGenie: %.0f answers/s end to end (guard + DuckDB), %.0f answers/s planning only"
          + " (6 tables, 26,255 rows, %d questions round-robin)%n", perSecond, planned, questions.size());
    }
  }

  private static double run(SimulatedGenie genie, List<String> questions, long seconds) {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long start = System.nanoTime();
    long n = 0;
    while (System.nanoTime() < end) {
      genie.ask(new GenieQuestion("bench", questions.get((int) (n % questions.size())), Duration.ofMinutes(1)));
      n++;
    }
    return n / ((System.nanoTime() - start) / 1e9);
  }

  private static GenieSpace space() {
    List<DataObject> tables = new ArrayList<>();
    for (String t : List.of("customers", "order_items", "orders", "products", "regions", "stores")) {
      tables.add(DataObject.of("shop.sales." + t));
    }
    tables.set(0, tables.get(0).withColumnConfigs(new ArrayList<>(List.of(ColumnConfig.of("segment")
        .withFlags(null, true, true)))));
    tables.set(2, tables.get(2).withColumnConfigs(new ArrayList<>(List.of(ColumnConfig.of("amount")
        .withSynonyms(new ArrayList<>(List.of("revenue", "sales")))))));
    tables.set(3, tables.get(3).withColumnConfigs(new ArrayList<>(List.of(ColumnConfig.of("category")
        .withFlags(null, true, true)))));
    List<JoinSpec> joins = new ArrayList<>();
    joins.add(join("orders", "customer_id", "customers"));
    joins.add(join("orders", "store_id", "stores"));
    joins.add(join("stores", "region_id", "regions"));
    joins.add(join("order_items", "order_id", "orders"));
    joins.add(join("order_items", "product_id", "products"));
    return GenieSpace.empty().withTables(tables)
        .withInstructions(Instructions.empty().withJoinSpecs(joins));
  }

  private static JoinSpec join(String left, String column, String right) {
    JoinSide l = JoinSide.of("shop.sales." + left);
    JoinSide r = JoinSide.of("shop.sales." + right);
    String on = "`" + left + "`.`" + column + "` = `" + right + "`.`" + column + "`";
    return new JoinSpec(String.format("%032x", joins++), l, r,
        new ArrayList<>(List.of(on, RelationshipType.MANY_TO_ONE.marker())), null, null, UnknownFields.none());
  }

  private static int joins = 1;
}
