package dev.genieheal.judge;

import dev.genieheal.error.SqlExecutionException;
import dev.genieheal.port.ResultTable;
import dev.genieheal.port.SqlExecutor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A warehouse that knows a fixed map from SQL text to result; unknown SQL fails like a warehouse error. */
final class FakeSqlExecutor implements SqlExecutor {
  private final Map<String, ResultTable> results = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

  FakeSqlExecutor put(String sql, ResultTable result) {
    results.put(sql, result);
    return this;
  }

  int runs(String sql) {
    AtomicInteger count = runs.get(sql);
    return count == null ? 0 : count.get();
  }

  @Override
  public ResultTable execute(String sql) {
    runs.computeIfAbsent(sql, k -> new AtomicInteger()).incrementAndGet();
    ResultTable result = results.get(sql);
    if (result == null) {
      throw new SqlExecutionException("[TABLE_OR_VIEW_NOT_FOUND] no such table in: " + sql, "42P01", null);
    }
    return result;
  }
}
