package dev.genieheal.judge.bench;

import dev.genieheal.judge.Comparison;
import dev.genieheal.judge.ResultComparator;
import dev.genieheal.port.ResultTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Result comparison against its floor: one hashing pass ({@code List.hashCode} of every row) over both tables.
 * Target: comparison costs at most twice the hashing pass. Genie's side has its rows shuffled (no ORDER BY) and,
 * for the wide pair, its 30 columns reversed.
 *
 * <p>Run: {@code java -Xmx4g -cp <test classpath> org.openjdk.jmh.Main ResultComparisonBenchmark}. On a shared,
 * loaded machine, {@link #main} is steadier: it alternates comparison and hashing in one JVM and prints the median
 * ratio, so load changes hit both sides alike.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
public class ResultComparisonBenchmark {
  private static final String[] REGIONS = {"EMEA", "APAC", "AMER", "LATAM"};

  private final ResultComparator comparator = ResultComparator.withDefaults();
  private ResultTable big;
  private ResultTable bigShuffled;
  private ResultTable bigOneCell;
  private ResultTable wide;
  private ResultTable wideReversed;

  @Setup
  public void setUp() {
    big = narrow(1_000_000, -1);
    bigShuffled = shuffle(narrow(1_000_000, -1), 1);
    bigOneCell = shuffle(narrow(1_000_000, 777_777), 2);
    wide = wide(5_000, false);
    wideReversed = shuffle(wide(5_000, true), 3);
  }

  private static ResultTable narrow(int rows, int changedRow) {
    List<ResultTable.Column> columns = List.of(
        new ResultTable.Column("id", "BIGINT"), new ResultTable.Column("name", "STRING"),
        new ResultTable.Column("region", "STRING"), new ResultTable.Column("amount", "DECIMAL(18,2)"),
        new ResultTable.Column("price", "DOUBLE"), new ResultTable.Column("qty", "BIGINT"),
        new ResultTable.Column("day", "DATE"), new ResultTable.Column("active", "BOOLEAN"));
    List<List<Object>> data = new ArrayList<>(rows);
    LocalDate start = LocalDate.of(2020, 1, 1);
    for (int r = 0; r < rows; r++) {
      data.add(Arrays.asList((long) r, "customer-" + r, REGIONS[r % 4],
          BigDecimal.valueOf(r * 37L % 100_000, 2), r == changedRow ? -1.0 : r * 0.25,
          (long) (r % 17), start.plusDays(r % 1_000), r % 3 == 0));
    }
    return ResultTable.of(columns, data);
  }

  private static ResultTable wide(int rows, boolean reversed) {
    List<ResultTable.Column> columns = new ArrayList<>();
    for (int c = 0; c < 30; c++) {
      columns.add(new ResultTable.Column("c" + c, "STRING"));
    }
    List<List<Object>> data = new ArrayList<>(rows);
    for (int r = 0; r < rows; r++) {
      Object[] values = new Object[30];
      for (int c = 0; c < 30; c++) {
        values[c] = c % 2 == 0 ? (Object) ("v" + r + "_" + c) : (Object) (double) (r * 30 + c);
      }
      data.add(Arrays.asList(values));
    }
    ResultTable t = ResultTable.of(columns, data);
    if (!reversed) {
      return t;
    }
    List<ResultTable.Column> rc = new ArrayList<>(t.columns());
    Collections.reverse(rc);
    List<List<Object>> rd = new ArrayList<>(rows);
    for (List<Object> row : t.rows()) {
      List<Object> copy = new ArrayList<>(row);
      Collections.reverse(copy);
      rd.add(copy);
    }
    return ResultTable.of(rc, rd);
  }

  private static ResultTable shuffle(ResultTable t, long seed) {
    List<List<Object>> rows = new ArrayList<>(t.rows());
    Collections.shuffle(rows, new Random(seed));
    return ResultTable.of(t.columns(), rows);
  }

  private static long hashBoth(ResultTable a, ResultTable b) {
    long h = 0;
    for (List<Object> row : a.rows()) {
      h += row.hashCode();
    }
    for (List<Object> row : b.rows()) {
      h += row.hashCode();
    }
    return h;
  }

  /**
   * Prints median times and the comparison/hashing ratio for each pair, alternating the two in one JVM.
   *
   * @param args optionally the number of rounds (default 7)
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    ResultComparisonBenchmark b = new ResultComparisonBenchmark();
    b.setUp();
    report("1M x 8 equal", rounds, 1, b::compareEqualMillion, b::hashMillion);
    report("1M x 8 one cell differs", rounds, 1, b::compareOneCellMillion, b::hashMillion);
    report("5k x 30 permuted", rounds, 50, b::compareWide, b::hashWide);
  }

  /** Alternates blocks of {@code reps} comparisons and {@code reps} hashing passes; prints medians per op. */
  private static void report(String name, int rounds, int reps, Runnable compare, Runnable hash) {
    long[] c = new long[rounds];
    long[] h = new long[rounds];
    for (int i = -2; i < rounds; i++) { // two warm-up rounds
      long t0 = System.nanoTime();
      for (int k = 0; k < reps; k++) {
        compare.run();
      }
      long t1 = System.nanoTime();
      for (int k = 0; k < reps; k++) {
        hash.run();
      }
      long t2 = System.nanoTime();
      if (i >= 0) {
        c[i] = (t1 - t0) / reps;
        h[i] = (t2 - t1) / reps;
      }
    }
    Arrays.sort(c);
    Arrays.sort(h);
    double mc = c[rounds / 2] / 1e6;
    double mh = h[rounds / 2] / 1e6;
    System.out.printf("%-26s compare %9.2f ms (%8.2f ops/s)  hash %9.2f ms (%8.2f ops/s)  ratio %.2f%n",
        name, mc, 1000 / mc, mh, 1000 / mh, mc / mh);
  }

  /** 1,000,000 x 8, equal (rows shuffled). */
  @Benchmark
  public Comparison compareEqualMillion() {
    return comparator.compare(big, bigShuffled, false);
  }

  /** 1,000,000 x 8, one cell differs. */
  @Benchmark
  public Comparison compareOneCellMillion() {
    return comparator.compare(big, bigOneCell, false);
  }

  /** The floor for the million-row pair. */
  @Benchmark
  public long hashMillion() {
    return hashBoth(big, bigShuffled);
  }

  /** 5,000 x 30 (Genie's row cap), columns reversed, rows shuffled. */
  @Benchmark
  public Comparison compareWide() {
    return comparator.compare(wide, wideReversed, false);
  }

  /** The floor for the wide pair. */
  @Benchmark
  public long hashWide() {
    return hashBoth(wide, wideReversed);
  }
}
