package dev.genieheal.doubles;

import dev.genieheal.fix.ColumnSynonymsFix;
import dev.genieheal.port.Benchmark;
import dev.genieheal.port.SpaceStore;
import dev.genieheal.port.StoredSpace;
import dev.genieheal.space.BenchmarkAnswer;
import dev.genieheal.space.BenchmarkQuestion;
import dev.genieheal.space.Benchmarks;
import dev.genieheal.space.ColumnConfig;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.GenieSpace;
import java.util.List;

/**
 * A small space with four benchmarks in its own benchmarks section: two need a synonym ({@code [revenue]} on
 * {@code amount}, {@code [client]} on {@code customer_id}), two are always answered right. Baseline score 0.5.
 */
public final class ShopWorld {
  public static final String SPACE_ID = "01ef0000000000000000000000000001";
  public static final String TABLE = "shop.sales.orders";
  public static final List<Benchmark> BENCHMARKS = List.of(
      new Benchmark("a0000000000000000000000000000001", "total [revenue] by month",
          "SELECT month, sum(amount) FROM shop.sales.orders GROUP BY month"),
      new Benchmark("a0000000000000000000000000000002", "orders per [client]",
          "SELECT customer_id, count(*) FROM shop.sales.orders GROUP BY customer_id"),
      new Benchmark("a0000000000000000000000000000003", "how many orders are there",
          "SELECT count(*) FROM shop.sales.orders"),
      new Benchmark("a0000000000000000000000000000004", "what is the largest order",
          "SELECT max(amount) FROM shop.sales.orders"));
  public static final List<Benchmark> HELD_OUT = List.of(
      new Benchmark("b0000000000000000000000000000001", "[revenue] last year",
          "SELECT sum(amount) FROM shop.sales.orders WHERE year = 2024"),
      new Benchmark("b0000000000000000000000000000002", "number of orders",
          "SELECT count(*) FROM shop.sales.orders"));

  private ShopWorld() {}

  public static GenieSpace space() {
    DataObject orders = DataObject.of(TABLE)
        .withColumnConfigs(List.of(ColumnConfig.of("amount"), ColumnConfig.of("customer_id")));
    List<BenchmarkQuestion> questions = BENCHMARKS.stream().map(b -> new BenchmarkQuestion(b.id(),
        List.of(b.question()), List.of(new BenchmarkAnswer("SQL", List.of(b.expectedSql()), null)), null)).toList();
    return GenieSpace.empty().withTables(List.of(orders)).withBenchmarks(new Benchmarks(questions, null));
  }

  public static SpaceStore store() {
    return SpaceStore.inMemory(new StoredSpace(SPACE_ID, "Shop", "wh1", "etag-0", space()));
  }

  public static ColumnSynonymsFix synonym(String column, String term) {
    return new ColumnSynonymsFix(TABLE, column, List.of(term), "questions say " + term, List.of());
  }

  /** The fix that makes benchmark 1 pass. */
  public static ColumnSynonymsFix revenue() {
    return synonym("amount", "revenue");
  }

  /** The fix that makes benchmark 2 pass. */
  public static ColumnSynonymsFix client() {
    return synonym("customer_id", "client");
  }

  /** A fix that makes every answer wrong. */
  public static ColumnSynonymsFix poison(int n) {
    return synonym("amount", "poison" + n);
  }

  /** A fix that changes nothing Genie cares about. */
  public static ColumnSynonymsFix useless(int n) {
    return synonym("amount", "useless" + n);
  }
}
