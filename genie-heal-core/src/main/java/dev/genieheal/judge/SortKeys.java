package dev.genieheal.judge;

import dev.genieheal.port.ResultTable;
import dev.genieheal.sql.SqlStructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which columns of the expected result the expected SQL sorts by. Rows whose sort keys are equal may come in any
 * order (SQL leaves ties unordered, and warehouses break them differently from run to run), so the comparison must
 * forgive reordering within a tie but nothing else.
 */
final class SortKeys {
  private SortKeys() {}

  /**
   * The result columns of the outermost ORDER BY, or empty when any key is not a result column (an expression that
   * is not selected): then ties cannot be told apart and the order is compared strictly.
   */
  static Optional<List<Integer>> of(String expectedSql, ResultTable expected) {
    Optional<SqlStructure> parsed;
    try {
      parsed = SqlStructure.parse(expectedSql);
    } catch (RuntimeException e) { // the toolkit degrading must only cost tie forgiveness
      return Optional.empty();
    }
    if (parsed.isEmpty() || parsed.get().orderBy().isEmpty()) {
      return Optional.empty();
    }
    List<String> select = parsed.get().selectItems();
    List<Integer> columns = new ArrayList<>();
    for (String item : parsed.get().orderBy()) {
      int column = column(key(item), select, expected);
      if (column < 0) {
        return Optional.empty();
      }
      columns.add(column);
    }
    return Optional.of(List.copyOf(columns));
  }

  /** The ORDER BY item without its direction and null ordering. */
  static String key(String orderItem) {
    String k = orderItem.trim().toLowerCase(Locale.ROOT);
    for (String suffix : List.of(" nulls first", " nulls last", " asc", " desc")) {
      if (k.endsWith(suffix)) {
        k = k.substring(0, k.length() - suffix.length()).trim();
      }
    }
    return k;
  }

  private static int column(String key, List<String> select, ResultTable expected) {
    if (key.matches("\\d+")) {
      int position = Integer.parseInt(key) - 1;
      return position < expected.columns().size() ? position : -1;
    }
    for (int i = 0; i < select.size() && i < expected.columns().size(); i++) {
      String item = select.get(i).toLowerCase(Locale.ROOT);
      int as = item.lastIndexOf(" as ");
      String expression = as < 0 ? item : item.substring(0, as).trim();
      String alias = as < 0 ? null : item.substring(as + 4).trim();
      if (key.equals(expression) || key.equals(alias)) {
        return i;
      }
    }
    String bare = key.substring(key.lastIndexOf('.') + 1).replace("`", "");
    for (int i = 0; i < expected.columns().size(); i++) {
      if (expected.columns().get(i).name().equalsIgnoreCase(bare)) {
        return i;
      }
    }
    return -1;
  }
}
