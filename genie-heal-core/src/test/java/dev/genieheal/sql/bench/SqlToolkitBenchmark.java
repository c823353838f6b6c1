package dev.genieheal.sql.bench;

import dev.genieheal.sql.ReadOnlySqlGuard;
import dev.genieheal.sql.SqlNormalizer;
import dev.genieheal.sql.SqlStructure;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statements;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the SQL toolkit on realistic Genie SQL, split so the time can be attributed:
 *
 * <ul>
 *   <li>{@code parseSimpleOnly} / {@code parseSimpleThenComplex}: JSqlParser alone on the calling thread, with and
 *       without its ALLOW_COMPLEX_PARSING retry after a failed simple parse;
 *   <li>{@code parseViaExecutor}: what the toolkit did before caching (simple, then complex, each handed to a
 *       daemon executor for the timeout);
 *   <li>{@code guard}, {@code normalize}, {@code structure}: the public calls with the same SQL every time, the
 *       loop's steady state (benchmark SQL and repeated Genie SQL);
 *   <li>{@code *Cold}: the public calls with a text never seen before (a unique trailing comment), i.e. the cost
 *       of a cache miss including insertion and eviction.
 * </ul>
 *
 * <p>Run (from the repository root; the machine is shared, so read ratios rather than absolute numbers):
 * <pre>
 * mvn -B -q -o -pl genie-heal-core -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Djmh.ignoreLock=true -cp genie-heal-core/target/test-classes:genie-heal-core/target/classes:$(cat /tmp/cp.txt) \
 *     org.openjdk.jmh.Main SqlToolkitBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Djmh.ignoreLock=true"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SqlToolkitBenchmark {
  private static final Map<String, String> QUERIES = Map.of(
      "aggregate", "SELECT region, SUM(amount) AS revenue FROM shop.sales.orders WHERE status = 'shipped'"
          + " GROUP BY region",
      "join3", "SELECT c.segment, p.category, SUM(o.amount) AS revenue, COUNT(DISTINCT o.order_id) AS orders"
          + " FROM shop.sales.orders o JOIN shop.sales.customers c ON o.customer_id = c.customer_id"
          + " JOIN shop.sales.products p ON p.product_id = o.product_id"
          + " WHERE o.order_date >= DATE '2024-01-01' AND c.region = 'EMEA'"
          + " GROUP BY c.segment, p.category ORDER BY revenue DESC LIMIT 10",
      "cteWindowQualify", "WITH monthly AS (SELECT customer_id, date_trunc('month', order_date) AS month,"
          + " SUM(amount) AS total FROM shop.sales.orders GROUP BY customer_id, date_trunc('month', order_date))"
          + " SELECT customer_id, month, total,"
          + " RANK() OVER (PARTITION BY month ORDER BY total DESC) AS rnk FROM monthly"
          + " QUALIFY RANK() OVER (PARTITION BY month ORDER BY total DESC) <= 3",
      "tablesample", "SELECT region, AVG(amount) FROM shop.sales.orders TABLESAMPLE (10 PERCENT)"
          + " GROUP BY region");

  @Param({"aggregate", "join3", "cteWindowQualify", "tablesample"})
  public String query;

  private String sql;
  private long counter;
  private ExecutorService executor;

  @Setup(Level.Trial)
  public void setUp() {
    sql = QUERIES.get(query);
    executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "bench-parser");
      thread.setDaemon(true);
      return thread;
    });
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    executor.shutdownNow();
  }

  private String unseen() {
    return sql + " /* " + counter++ + " */";
  }

  @Benchmark
  public Object parseSimpleOnly() {
    return parse(false);
  }

  @Benchmark
  public Object parseSimpleThenComplex() {
    Object simple = parse(false);
    return simple instanceof Statements ? simple : parse(true);
  }

  private Object parse(boolean complex) {
    try {
      return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(complex).Statements();
    } catch (ParseException | RuntimeException e) {
      return e;
    }
  }

  @Benchmark
  public Object parseViaExecutor() {
    try {
      Statements statements = CCJSqlParserUtil.parseStatements(sql, executor, p -> p.withTimeOut(5_000));
      return statements;
    } catch (JSQLParserException e) {
      return e;
    }
  }

  @Benchmark
  public Object guard() {
    return ReadOnlySqlGuard.violation(sql);
  }

  @Benchmark
  public Object normalize() {
    return SqlNormalizer.normalize(sql);
  }

  @Benchmark
  public Object structure() {
    return SqlStructure.parse(sql);
  }

  @Benchmark
  public Object guardCold() {
    return ReadOnlySqlGuard.violation(unseen());
  }

  @Benchmark
  public Object normalizeCold() {
    return SqlNormalizer.normalize(unseen());
  }

  @Benchmark
  public Object structureCold() {
    return SqlStructure.parse(unseen());
  }
}
