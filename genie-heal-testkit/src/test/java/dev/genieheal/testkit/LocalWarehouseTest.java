package dev.genieheal.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.error.SqlExecutionException;
import dev.genieheal.port.ResultTable;
import dev.genieheal.space.Catalog;
import dev.genieheal.space.ColumnConfig;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.TableSchema;
import dev.genieheal.space.UnknownFields;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalWarehouseTest {
  private static final String SETUP = "CREATE TABLE shop.sales.orders (order_id BIGINT, amount DECIMAL(10,2),"
      + " order_date DATE, region STRING, note VARCHAR);\n"
      + "-- a comment; with a semicolon\n"
      + "INSERT INTO shop.sales.orders VALUES (1, 10.50, DATE '2024-03-05', 'West', 'it''s; fine'),\n"
      + " (2, NULL, DATE '2024-04-02', 'East', NULL), (3, 7.25, DATE '2023-12-31', 'West', 'x');";

  private static LocalWarehouse warehouse;

  @BeforeAll
  static void setUp() {
    warehouse = LocalWarehouse.builder().script(SETUP).build();
  }

  @AfterAll
  static void tearDown() {
    warehouse.close();
  }

  private static Object single(String sql) {
    ResultTable t = warehouse.execute(sql);
    assertThat(t.rowCount()).as(sql).isEqualTo(1);
    return t.rows().get(0).get(0);
  }

  @Test
  void execute_threePartBacktickedNamesAndDateLiterals_work() {
    ResultTable t = warehouse.execute("SELECT `order_id`, `amount` FROM `shop`.`sales`.`orders`"
        + " WHERE `order_date` >= DATE '2024-01-01' ORDER BY order_id");
    assertThat(t.columns()).extracting(ResultTable.Column::name).containsExactly("order_id", "amount");
    assertThat(t.columns()).extracting(ResultTable.Column::type).containsExactly("BIGINT", "DECIMAL(10,2)");
    assertThat(t.rows()).containsExactly(List.of(1L, new BigDecimal("10.50")), java.util.Arrays.asList(2L, null));
  }

  @Test
  void execute_valueTypes_areThoseResultTableAllows() {
    ResultTable t = warehouse.execute("SELECT CAST(1 AS INT), 1.5::FLOAT, DATE '2024-01-02',"
        + " TIMESTAMP '2024-01-02 03:04:05', 'a', true, CAST(12 AS HUGEINT)");
    assertThat(t.rows().get(0)).containsExactly(1L, 1.5d, LocalDate.of(2024, 1, 2),
        LocalDateTime.of(2024, 1, 2, 3, 4, 5), "a", true, new BigDecimal("12"));
    assertThat(t.columns()).extracting(ResultTable.Column::type)
        .containsExactly("INT", "FLOAT", "DATE", "TIMESTAMP", "STRING", "BOOLEAN", "DECIMAL(38,0)");
  }

  @Test
  void execute_nvlAndNvl2_behaveLikeSpark() {
    assertThat(single("SELECT nvl(sum(amount), 0) FROM shop.sales.orders WHERE order_id = 2"))
        .isEqualTo(new BigDecimal("0.00"));
    assertThat(single("SELECT nvl2(note, 'has', 'none') FROM shop.sales.orders WHERE order_id = 2"))
        .isEqualTo("none");
    assertThat(single("SELECT ifnull(NULL, 'y')")).isEqualTo("y");
  }

  @Test
  void execute_if_behavesLikeSpark() {
    assertThat(single("SELECT if(amount > 10, 'big', 'small') FROM shop.sales.orders WHERE order_id = 3"))
        .isEqualTo("small");
  }

  @Test
  void execute_datediff_countsDaysFromStartToEnd() {
    assertThat(single("SELECT datediff(DATE '2024-03-05', DATE '2024-03-01')")).isEqualTo(4L);
    assertThat(single("SELECT datediff('2024-03-01', '2024-03-05')")).isEqualTo(-4L);
  }

  @Test
  void execute_dateFormat_supportsCommonPatterns() {
    ResultTable t = warehouse.execute("SELECT date_format(DATE '2024-03-05', 'yyyy'),"
        + " date_format(DATE '2024-03-05', 'yyyy-MM'), date_format(DATE '2024-03-05', 'yyyy-MM-dd'),"
        + " date_format(DATE '2024-03-05', 'MM'), date_format(DATE '2024-03-05', 'dd'),"
        + " date_format(TIMESTAMP '2024-03-05 13:45:00', 'HH:mm'), date_format(DATE '2024-03-05', 'MMM yyyy'),"
        + " date_format(DATE '2024-03-05', 'MMMM'), date_format(DATE '2024-03-05', 'EEE'),"
        + " date_format(TIMESTAMP '2024-03-05 13:45:07', 'hh:mm:ss a'), date_format('2024-03-05', 'M/d/yy')");
    assertThat(t.rows().get(0)).containsExactly("2024", "2024-03", "2024-03-05", "03", "05", "13:45", "Mar 2024",
        "March", "Tue", "01:45:07 PM", "3/5/24");
  }

  @Test
  void execute_toDate_parsesDefaultAndPatterns() {
    assertThat(single("SELECT to_date('2024-03-05')")).isEqualTo(LocalDate.of(2024, 3, 5));
    assertThat(single("SELECT to_date('05/03/2024', 'dd/MM/yyyy')")).isEqualTo(LocalDate.of(2024, 3, 5));
    assertThat(single("SELECT to_date('20240305', 'yyyyMMdd')")).isEqualTo(LocalDate.of(2024, 3, 5));
    assertThat(single("SELECT to_date('nope', 'yyyy-MM-dd')")).isNull();
  }

  @Test
  void execute_toDateWithUnsupportedPattern_failsNamingThePattern() {
    assertThatThrownBy(() -> warehouse.execute("SELECT to_date('2024', 'QQQ')"))
        .isInstanceOf(SqlExecutionException.class).hasMessageContaining("QQQ");
  }

  @Test
  void execute_dateArithmetic_behavesLikeSpark() {
    assertThat(single("SELECT date_add(DATE '2024-03-05', 3)")).isEqualTo(LocalDate.of(2024, 3, 8));
    assertThat(single("SELECT date_sub(DATE '2024-03-05', 5)")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(single("SELECT add_months(DATE '2024-01-31', 1)")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(single("SELECT dayofweek(DATE '2024-03-03')")).isEqualTo(1L);
    assertThat(single("SELECT CAST(date_trunc('MONTH', DATE '2024-03-15') AS DATE)"))
        .isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(single("SELECT year(DATE '2024-03-15') * 100 + month(DATE '2024-03-15')")).isEqualTo(202403L);
    assertThat(single("SELECT current_date IS NOT NULL")).isEqualTo(true);
  }

  @Test
  void execute_collectionAndPercentileMacros_work() {
    assertThat(single("SELECT size(collect_list(order_id)) FROM shop.sales.orders")).isEqualTo(3L);
    assertThat(single("SELECT size(collect_set(region)) FROM shop.sales.orders")).isEqualTo(2L);
    assertThat(single("SELECT percentile(order_id, 0.5) FROM shop.sales.orders")).isEqualTo(2.0d);
  }

  @Test
  void execute_writeStatement_isRefusedByTheGuard() {
    assertThatThrownBy(() -> warehouse.execute("DELETE FROM shop.sales.orders"))
        .isInstanceOf(SqlExecutionException.class).hasMessageContaining("read-only guard");
    assertThat(single("SELECT count(*) FROM shop.sales.orders")).isEqualTo(3L);
  }

  @Test
  void execute_unknownTable_failsWithDuckDbReasonAndSql() {
    assertThatThrownBy(() -> warehouse.execute("SELECT * FROM shop.sales.nope"))
        .isInstanceOf(SqlExecutionException.class)
        .hasMessageContaining("nope")
        .hasMessageContaining("SQL: SELECT * FROM shop.sales.nope");
  }

  @Test
  void execute_moreRowsThanMax_truncates() {
    try (LocalWarehouse small = LocalWarehouse.builder().maxRows(2).script(SETUP).build()) {
      ResultTable t = small.execute("SELECT order_id FROM shop.sales.orders ORDER BY 1");
      assertThat(t.rowCount()).isEqualTo(2);
      assertThat(t.truncated()).isTrue();
      assertThat(small.execute("SELECT 1").truncated()).isFalse();
    }
  }

  @Test
  void execute_defaultMaxRows_isGeniesLimit() {
    assertThat(warehouse.maxRows()).isEqualTo(5_000);
    ResultTable t = warehouse.execute("SELECT * FROM range(6000)");
    assertThat(t.rowCount()).isEqualTo(5_000);
    assertThat(t.truncated()).isTrue();
  }

  @Test
  void execute_fromManyThreads_isSafe() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Object>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        results.add(pool.submit(() -> single("SELECT count(*) FROM shop.sales.orders WHERE region = 'West'")));
      }
      for (Future<Object> f : results) {
        assertThat(f.get()).isEqualTo(2L);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void execute_afterClose_throws() {
    LocalWarehouse w = LocalWarehouse.builder().build();
    w.close();
    w.close();
    assertThatThrownBy(() -> w.execute("SELECT 1")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void catalog_listsTablesColumnsAndSparkTypes() {
    Catalog catalog = warehouse.catalog().orElseThrow();
    TableSchema orders = catalog.table("`shop`.`sales`.`ORDERS`").orElseThrow();
    assertThat(orders.identifier()).isEqualTo("shop.sales.orders");
    assertThat(orders.columns()).containsExactly(
        new TableSchema.ColumnSchema("order_id", "BIGINT"),
        new TableSchema.ColumnSchema("amount", "DECIMAL(10,2)"),
        new TableSchema.ColumnSchema("order_date", "DATE"),
        new TableSchema.ColumnSchema("region", "STRING"),
        new TableSchema.ColumnSchema("note", "STRING"));
    assertThat(catalog.tables()).hasSize(1);
  }

  @Test
  void build_csv_createsTableWithInferredTypes(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("customers.csv");
    Files.writeString(csv, "customer_id,name,signup\n1,Ann,2024-01-02\n2,Bob,2024-02-03\n");
    try (LocalWarehouse w = LocalWarehouse.builder().csv("crm.core.customers", csv).build()) {
      assertThat(w.execute("SELECT name FROM crm.core.customers WHERE signup > DATE '2024-01-31'").rows())
          .containsExactly(List.of("Bob"));
      assertThat(w.catalog().orElseThrow().table("crm.core.customers").orElseThrow().column("signup"))
          .map(TableSchema.ColumnSchema::type).hasValue("DATE");
    }
  }

  @Test
  void build_scriptFile_runsIt(@TempDir Path dir) throws Exception {
    Path sql = dir.resolve("setup.sql");
    Files.writeString(sql, "CREATE SCHEMA hr.people; CREATE TABLE hr.people.staff AS SELECT 1 AS id;");
    try (LocalWarehouse w = LocalWarehouse.builder().script(sql).build()) {
      assertThat(w.execute("SELECT id FROM hr.people.staff").rows()).containsExactly(List.of(1L));
    }
  }

  @Test
  void build_tableAndTablesOf_createEmptyTables() {
    DataObject staff = new DataObject("hr.people.staff", List.of(),
        java.util.Arrays.asList(ColumnConfig.of("id"), ColumnConfig.of("name")), UnknownFields.none());
    GenieSpace space = GenieSpace.empty().withTables(java.util.Arrays.asList(staff, DataObject.of("hr.people.unknown_cols")));
    try (LocalWarehouse w = LocalWarehouse.builder()
        .table("hr.people.depts", "dept_id INT, dept_name STRING")
        .tablesOf(space)
        .build()) {
      Catalog c = w.catalog().orElseThrow();
      assertThat(c.table("hr.people.depts").orElseThrow().columns()).hasSize(2);
      assertThat(c.table("hr.people.staff").orElseThrow().columns())
          .extracting(TableSchema.ColumnSchema::name).containsExactly("id", "name");
      assertThat(c.table("hr.people.unknown_cols")).isEmpty();
    }
  }

  @Test
  void build_failingStatement_namesStepStatementAndLine() {
    LocalWarehouse.Builder b = LocalWarehouse.builder()
        .script("CREATE TABLE a.b.c (x INT);\n\nINSERT INTO a.b.c VALUES ('not a number');");
    assertThatThrownBy(b::build)
        .isInstanceOf(SqlExecutionException.class)
        .hasMessageContaining("script #1")
        .hasMessageContaining("statement 2 (line 3)");
  }

  @Test
  void build_missingCsv_namesTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("missing.csv");
    assertThatThrownBy(() -> LocalWarehouse.builder().csv("a.b.c", missing).build())
        .isInstanceOf(SqlExecutionException.class)
        .hasMessageContaining("missing.csv");
  }

  @Test
  void builder_badArguments_areRejectedNamingThem() {
    LocalWarehouse.Builder b = LocalWarehouse.builder();
    assertThatThrownBy(() -> b.maxRows(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRows");
    assertThatThrownBy(() -> b.script(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sql");
    assertThatThrownBy(() -> b.script((String) null)).isInstanceOf(NullPointerException.class).hasMessage("sql");
    assertThatThrownBy(() -> b.table("a.b.c", "")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("columns");
    assertThatThrownBy(() -> b.csv(" ", Path.of("x"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("identifier");
  }

  @Test
  void toBuilder_buildsAnIndependentCopy() {
    try (LocalWarehouse copy = warehouse.toBuilder().maxRows(1).build()) {
      assertThat(copy.execute("SELECT order_id FROM shop.sales.orders").truncated()).isTrue();
      assertThat(warehouse.maxRows()).isEqualTo(5_000);
    }
  }
}
