package dev.genieheal.fix.bench;

import dev.genieheal.fix.ColumnSynonymsFix;
import dev.genieheal.fix.ExampleSqlFix;
import dev.genieheal.fix.Fix;
import dev.genieheal.fix.FixApplier;
import dev.genieheal.fix.FixJson;
import dev.genieheal.fix.FixRequest;
import dev.genieheal.fix.JoinSpecFix;
import dev.genieheal.fix.SampleQuestionFix;
import dev.genieheal.fix.TableDescriptionFix;
import dev.genieheal.fix.TextInstructionFix;
import dev.genieheal.space.ColumnConfig;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.ExampleQuestionSql;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.IdGenerator;
import dev.genieheal.space.Instructions;
import dev.genieheal.space.RelationshipType;
import dev.genieheal.space.SqlSnippets;
import dev.genieheal.space.UnknownFields;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Cost of applying a batch of 10 fixes (each one canonicalised and validated) to a small space and to a space at the
 * API limits (30 tables x 100 columns, 99 example SQLs), and of reading the batch from JSON.
 * Run: {@code java -cp <test classpath> dev.genieheal.fix.bench.FixApplierBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class FixApplierBenchmark {
  private final FixApplier applier = dev.genieheal.fix.DefaultFixApplier.builder()
      .idGenerator(IdGenerator.sequential(0)).build();
  private GenieSpace small;
  private GenieSpace large;
  private List<Fix> fixes;
  private String fixesJson;

  @Setup
  public void setUp() {
    small = space(3, 10, 3);
    large = space(30, 100, 99);
    fixes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      fixes.add(new TableDescriptionFix(table(i), "Table " + i + " holds one row per thing.", true, "", List.of()));
      fixes.add(new ColumnSynonymsFix(table(i), "col_" + i, List.of("term " + i), "", List.of()));
      fixes.add(new JoinSpecFix(table(i), "col_1", table(i + 1), "col_2", RelationshipType.MANY_TO_ONE, "", null, "",
          List.of()));
    }
    fixes.add(new TextInstructionFix("Fiscal years start on 1 February.", "", List.of()));
    fixes.add(new SampleQuestionFix("What sold most last week?", "", List.of()));
    fixes.add(new ExampleSqlFix("Top things", "SELECT col_1, COUNT(*) FROM " + table(0) + " GROUP BY col_1",
        List.of(), "", "", List.of()));
    fixes.add(new ExampleSqlFix("Bad one", "DROP TABLE " + table(0), List.of(), "", "", List.of()));
    fixesJson = FixJson.writeAll(fixes);
  }

  private static String table(int i) {
    return String.format("main.bench.t%02d", i);
  }

  private static GenieSpace space(int tables, int columns, int examples) {
    List<DataObject> objects = new ArrayList<>();
    for (int t = 0; t < tables; t++) {
      List<ColumnConfig> configs = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        configs.add(ColumnConfig.of(String.format("col_%03d", c)));
      }
      objects.add(new DataObject(table(t), List.of(), configs, UnknownFields.none()));
    }
    List<ExampleQuestionSql> sqls = new ArrayList<>();
    for (int e = 0; e < examples; e++) {
      sqls.add(new ExampleQuestionSql(String.format("%032x", e + 1), List.of("Question " + e),
          List.of("SELECT col_001\n", "FROM " + table(0)), List.of(), List.of(), UnknownFields.none()));
    }
    return GenieSpace.empty().withTables(objects).withInstructions(
        new Instructions(List.of(), sqls, List.of(), List.of(), SqlSnippets.empty(), UnknownFields.none()))
        .canonicalize();
  }

  @Benchmark
  public Object applyTenFixesSmallSpace() {
    return applier.apply(new FixRequest(small, fixes, null));
  }

  @Benchmark
  public Object applyTenFixesLargeSpace() {
    return applier.apply(new FixRequest(large, fixes, null));
  }

  @Benchmark
  public Object readTenFixes() {
    return FixJson.readAll(fixesJson);
  }

  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder().include(FixApplierBenchmark.class.getSimpleName()).build()).run();
  }
}
