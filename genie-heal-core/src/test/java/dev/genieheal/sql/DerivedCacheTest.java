package dev.genieheal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DerivedCacheTest {
  private final AtomicInteger computations = new AtomicInteger();
  private final Function<String, String> upper = sql -> {
    computations.incrementAndGet();
    return sql.toUpperCase(java.util.Locale.ROOT);
  };

  @Test
  void get_sameTextTwice_computesOnce() {
    DerivedCache cache = new DerivedCache(8, 1_000, 100);

    assertThat((String) cache.get("select 1", DerivedCache.Kind.NORMAL_FORM, upper)).isEqualTo("SELECT 1");
    assertThat((String) cache.get("select 1", DerivedCache.Kind.NORMAL_FORM, upper)).isEqualTo("SELECT 1");

    assertThat(computations).hasValue(1);
  }

  @Test
  void get_otherKindOfSameText_computesSeparatelyInOneEntry() {
    DerivedCache cache = new DerivedCache(8, 1_000, 100);

    cache.get("select 1", DerivedCache.Kind.NORMAL_FORM, upper);
    cache.get("select 1", DerivedCache.Kind.VIOLATION, upper);

    assertThat(computations).hasValue(2);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void get_moreTextsThanEntries_evictsLeastRecentlyUsed() {
    DerivedCache cache = new DerivedCache(2, 1_000, 100);
    cache.get("a", DerivedCache.Kind.NORMAL_FORM, upper);
    cache.get("b", DerivedCache.Kind.NORMAL_FORM, upper);
    cache.get("a", DerivedCache.Kind.NORMAL_FORM, upper);

    cache.get("c", DerivedCache.Kind.NORMAL_FORM, upper);

    assertThat(cache.size()).isEqualTo(2);
    assertThat((String) cache.peek("a", DerivedCache.Kind.NORMAL_FORM)).isEqualTo("A");
    assertThat((String) cache.peek("b", DerivedCache.Kind.NORMAL_FORM)).isNull();
  }

  @Test
  void get_textsOverCharacterBudget_evictsUntilWithinBudget() {
    DerivedCache cache = new DerivedCache(100, 10, 100);

    cache.get("aaaa", DerivedCache.Kind.NORMAL_FORM, upper);
    cache.get("bbbb", DerivedCache.Kind.NORMAL_FORM, upper);
    cache.get("cccc", DerivedCache.Kind.NORMAL_FORM, upper);

    assertThat(cache.totalChars()).isEqualTo(8);
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void get_textLongerThanLimit_isComputedButNotStored() {
    DerivedCache cache = new DerivedCache(8, 1_000, 3);

    assertThat((String) cache.get("abcd", DerivedCache.Kind.NORMAL_FORM, upper)).isEqualTo("ABCD");
    cache.get("abcd", DerivedCache.Kind.NORMAL_FORM, upper);

    assertThat(computations).hasValue(2);
    assertThat(cache.size()).isZero();
  }

  @Test
  void get_nullText_isComputedButNotStored() {
    DerivedCache cache = new DerivedCache(8, 1_000, 100);

    assertThat((String) cache.get(null, DerivedCache.Kind.NORMAL_FORM, sql -> "none")).isEqualTo("none");
    assertThat(cache.size()).isZero();
  }

  @Test
  void sharedCache_tenThousandDistinctQueries_staysBounded() {
    // The shared cache's own bounds; a cheap computation stands in for parsing, which is not what is tested.
    String padding = "x".repeat(1_000);
    for (int i = 0; i < 10_000; i++) {
      String sql = "SELECT region, SUM(amount) FROM shop.sales.orders WHERE id = " + i + " AND note <> '" + padding
          + "' GROUP BY region";
      DerivedCache.SHARED.get(sql, DerivedCache.Kind.NORMAL_FORM, upper);
    }

    assertThat(DerivedCache.SHARED.size()).isLessThanOrEqualTo(DerivedCache.MAX_ENTRIES);
    assertThat(DerivedCache.SHARED.totalChars()).isLessThanOrEqualTo(DerivedCache.MAX_TOTAL_CHARS);
  }

  @Test
  void sharedCache_repeatedCalls_returnEqualResults() {
    String sql = "SELECT o.region, SUM(o.amount) FROM shop.sales.orders o GROUP BY o.region";

    assertThat(SqlStructure.parse(sql)).isEqualTo(SqlStructure.parse(sql)).isPresent();
    assertThat(SqlNormalizer.normalize(sql)).isEqualTo(SqlNormalizer.normalize(sql)).isPresent();
    assertThat(SqlNormalizer.ordersResult(sql)).contains(false);
    assertThat(SqlNormalizer.ordersResult(sql)).contains(false);
  }

  @Test
  void sharedCache_unparseableText_staysUnparseableForEveryCaller() {
    String sql = "SELECT * FROM shop.sales.orders TABLESAMPLE (7 PERCENT)";

    assertThat(ReadOnlySqlGuard.violation(sql)).isEmpty();
    assertThat(SqlNormalizer.normalize(sql)).isEmpty();
    assertThat(SqlStructure.parse(sql)).isEmpty();
    assertThat(ReadOnlySqlGuard.violation(sql + "; DROP TABLE x")).isPresent();
  }
}
