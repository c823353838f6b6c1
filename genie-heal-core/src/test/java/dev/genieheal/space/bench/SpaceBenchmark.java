package dev.genieheal.space.bench;

import dev.genieheal.error.Violation;
import dev.genieheal.space.BenchmarkAnswer;
import dev.genieheal.space.BenchmarkQuestion;
import dev.genieheal.space.Benchmarks;
import dev.genieheal.space.ColumnConfig;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.ExampleQuestionSql;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.Instructions;
import dev.genieheal.space.JoinSpec;
import dev.genieheal.space.RealExports;
import dev.genieheal.space.RelationshipType;
import dev.genieheal.space.SnippetKind;
import dev.genieheal.space.SpaceValidator;
import dev.genieheal.space.SqlSnippet;
import dev.genieheal.space.SqlSnippets;
import dev.genieheal.space.TextInstruction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Parse + canonicalise + validate: (a) the largest real export (our richest fixture when the real exports are not
 * beside the repository) and (b) a generated space at the API limits (30 tables x 100 columns, 100 instructions,
 * 200 snippets, 500 benchmarks).
 *
 * <p>Not run by surefire. To run it once, briefly:
 * <pre>
 * mvn -B -q -o -pl genie-heal-core -am test-compile
 * mvn -B -q -o -pl genie-heal-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -Dgenieheal.examples.dir=/path/to/shared/reference/genie-examples \
 *   -cp genie-heal-core/target/test-classes:genie-heal-core/target/classes:$(cat /tmp/cp.txt) \
 *   org.openjdk.jmh.Main SpaceBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SpaceBenchmark {
  private final SpaceValidator validator = SpaceValidator.standard();
  private String largestExport;
  private String atLimits;

  @Setup
  public void setUp() throws IOException {
    largestExport = largestExport();
    atLimits = atLimits().toJson();
    // Fail early rather than measure the error path.
    check(largestExport);
    check(atLimits);
  }

  private void check(String json) {
    List<Violation> v = validator.validate(GenieSpace.parse(json).canonicalize());
    if (!v.isEmpty()) {
      throw new IllegalStateException("benchmark input is invalid: " + v);
    }
  }

  @Benchmark
  public List<Violation> largestRealExport() {
    return validator.validate(GenieSpace.parse(largestExport).canonicalize());
  }

  @Benchmark
  public List<Violation> spaceAtApiLimits() {
    return validator.validate(GenieSpace.parse(atLimits).canonicalize());
  }

  private static String largestExport() throws IOException {
    Path dir = RealExports.dir();
    if (dir != null) {
      Path largest;
      try (Stream<Path> files = Files.list(dir)) {
        largest = files.filter(p -> p.toString().endsWith(".json"))
            .max(Comparator.comparingLong(SpaceBenchmark::size)).orElse(null);
      }
      if (largest != null) {
        String text = Files.readString(largest, StandardCharsets.UTF_8);
        return text.contains("\"serialized_space\"")
            ? dev.genieheal.space.SpaceEnvelope.parse(text).serializedSpace() : text;
      }
    }
    try (InputStream in = SpaceBenchmark.class.getResourceAsStream("/dev/genieheal/space/full-space.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  /** 30 tables x 100 columns, 99 example SQLs + 1 text, 30 descriptions + 29 joins + 141 snippets, 500 benchmarks. */
  static GenieSpace atLimits() {
    long[] next = {0};
    java.util.function.Supplier<String> id = () -> String.format("%032x", ++next[0]);
    List<DataObject> tables = new ArrayList<>();
    for (int t = 0; t < 30; t++) {
      List<ColumnConfig> columns = new ArrayList<>();
      for (int c = 0; c < 100; c++) {
        boolean matched = t * 100 + c < 120 * 25 && c < 4;
        columns.add(ColumnConfig.of(String.format("col_%03d", c))
            .withDescription(List.of("Column " + c + " of table " + t + "\n", "in business terms."))
            .withSynonyms(List.of("alias " + c, "other " + c))
            .withFlags(null, c % 2 == 0 || matched, matched));
      }
      tables.add(DataObject.of(String.format("cat.sch.table_%02d", t))
          .withDescription(List.of("Table " + t + "\n", "with a description.")).withColumnConfigs(columns));
    }
    List<ExampleQuestionSql> examples = new ArrayList<>();
    for (int i = 0; i < 99; i++) {
      examples.add(new ExampleQuestionSql(id.get(), List.of("Question " + i + "?"),
          List.of("SELECT col_001, SUM(col_002)\n", "FROM cat.sch.table_00\n", "GROUP BY col_001"),
          null, List.of("Use for question " + i), null));
    }
    List<JoinSpec> joins = new ArrayList<>();
    for (int t = 1; t < 30; t++) {
      joins.add(JoinSpec.of(id.get(), tables.get(0).identifier(), "col_000", tables.get(t).identifier(), "col_000",
          RelationshipType.MANY_TO_ONE, List.of("join " + t)));
    }
    List<SqlSnippet> measures = new ArrayList<>();
    for (int i = 0; i < 141; i++) {
      measures.add(new SqlSnippet(id.get(), "m" + i, List.of("SUM(table_00.col_" + String.format("%03d", i % 100)
          + ")"), "measure " + i, List.of("metric " + i), List.of("Use for " + i), null, null));
    }
    List<BenchmarkQuestion> questions = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      questions.add(new BenchmarkQuestion(id.get(), List.of("Benchmark " + i + "?"), List.of(new BenchmarkAnswer(
          "SQL", List.of("SELECT COUNT(*)\n", "FROM cat.sch.table_01\n", "WHERE col_003 > " + i), null)), null));
    }
    Instructions instructions = Instructions.empty()
        .withTextInstructions(List.of(new TextInstruction(id.get(), List.of("## PURPOSE\n", "Limits."), null)))
        .withExampleQuestionSqls(examples).withJoinSpecs(joins)
        .withSqlSnippets(SqlSnippets.empty().with(SnippetKind.MEASURE, measures));
    return GenieSpace.empty().withTables(tables).withInstructions(instructions)
        .withBenchmarks(new Benchmarks(questions, null));
  }
}
