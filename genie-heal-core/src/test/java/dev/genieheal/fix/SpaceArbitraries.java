package dev.genieheal.fix;

import dev.genieheal.space.BenchmarkAnswer;
import dev.genieheal.space.BenchmarkQuestion;
import dev.genieheal.space.Benchmarks;
import dev.genieheal.space.Catalog;
import dev.genieheal.space.ColumnConfig;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.DataSources;
import dev.genieheal.space.ExampleQuestionSql;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.Instructions;
import dev.genieheal.space.JoinSide;
import dev.genieheal.space.JoinSpec;
import dev.genieheal.space.RelationshipType;
import dev.genieheal.space.SampleQuestion;
import dev.genieheal.space.SpaceConfig;
import dev.genieheal.space.SqlSnippet;
import dev.genieheal.space.SqlSnippets;
import dev.genieheal.space.TableSchema;
import dev.genieheal.space.TextInstruction;
import dev.genieheal.space.UnknownFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generators of small valid spaces with a matching catalog. A space is built from a seed so that tables, columns,
 * ids and join specs stay consistent with each other (which independent generators would not guarantee).
 */
final class SpaceArbitraries {
  /** Tables the generated spaces draw from; two share the short name "orders". */
  static final List<String> TABLES = List.of("main.sales.orders", "main.sales.customers", "main.sales.products",
      "main.hr.staff", "main.archive.orders");
  /** Columns every generated table has in the catalog. */
  static final List<String> COLUMNS = List.of("id", "customer_id", "status", "amount", "city", "region");
  private static final String[] WORDS = {"revenue", "Total", "region", "état", "sales", "per", "month", "top"};

  private SpaceArbitraries() {}

  /**
   * A generated space and what fixes can name in it.
   *
   * @param space a valid canonical space
   * @param catalog its warehouse, or null to apply without one
   * @param joinIds ids of its join specs
   */
  record Generated(GenieSpace space, Catalog catalog, List<String> joinIds) {
    List<String> tables() {
      return space.dataObjects().stream().map(DataObject::identifier).toList();
    }

    @Override
    public String toString() {
      return space.toPrettyJson() + "\ncatalog: " + (catalog != null);
    }
  }

  static Arbitrary<Generated> spaces() {
    return Arbitraries.longs().map(SpaceArbitraries::generate);
  }

  static Generated generate(long seed) {
    Random r = new Random(seed);
    long[] next = {1 + r.nextInt(1000)};
    List<String> ids = new ArrayList<>();
    java.util.function.Supplier<String> id = () -> {
      next[0] += 1 + r.nextInt(5);
      String s = String.format("%032x", next[0]);
      ids.add(s);
      return s;
    };
    List<String> chosen = new ArrayList<>();
    for (String t : TABLES) {
      if (r.nextInt(3) > 0) {
        chosen.add(t);
      }
    }
    if (chosen.isEmpty()) {
      chosen.add(TABLES.get(0));
    }
    List<DataObject> tables = new ArrayList<>();
    List<DataObject> metricViews = new ArrayList<>();
    for (String t : chosen) {
      List<ColumnConfig> configs = new ArrayList<>();
      for (String c : COLUMNS) {
        if (r.nextInt(3) == 0) {
          configs.add(column(r, c));
        }
      }
      DataObject d = new DataObject(t, r.nextBoolean() ? List.of() : List.of(sentence(r)), configs,
          UnknownFields.none());
      (t.startsWith("main.hr") && r.nextBoolean() ? metricViews : tables).add(d);
    }
    List<JoinSpec> joins = new ArrayList<>();
    Set<String> joinedPairs = new HashSet<>();
    for (int i = 0; i < r.nextInt(3) && chosen.size() > 1; i++) {
      String a = chosen.get(r.nextInt(chosen.size()));
      String b = chosen.get(r.nextInt(chosen.size()));
      if (JoinSide.of(a).alias().equals(JoinSide.of(b).alias()) || !joinedPairs.add(a + b)) {
        continue;
      }
      joins.add(JoinSpec.of(id.get(), a, pick(r, COLUMNS), b, pick(r, COLUMNS),
          RelationshipType.values()[r.nextInt(4)], r.nextBoolean() ? List.of() : List.of(sentence(r))));
    }
    List<String> joinIds = joins.stream().map(JoinSpec::id).toList();
    List<TextInstruction> text = r.nextBoolean() ? List.of()
        : List.of(new TextInstruction(id.get(), List.of(sentence(r) + "\n", sentence(r)), UnknownFields.none()));
    List<ExampleQuestionSql> examples = new ArrayList<>();
    for (int i = 0; i < r.nextInt(3); i++) {
      examples.add(new ExampleQuestionSql(id.get(), List.of("Example " + i + " " + sentence(r)),
          List.of("SELECT " + pick(r, COLUMNS) + "\n", "FROM " + chosen.get(0)), List.of(), List.of(),
          UnknownFields.none()));
    }
    List<SqlSnippet> measures = new ArrayList<>();
    for (int i = 0; i < r.nextInt(3); i++) {
      measures.add(new SqlSnippet(id.get(), "measure_" + i, List.of("SUM(orders.amount) * " + i), "Measure " + i,
          List.of(), List.of(), List.of(), UnknownFields.none()));
    }
    List<SampleQuestion> samples = new ArrayList<>();
    for (int i = 0; i < r.nextInt(3); i++) {
      samples.add(SampleQuestion.of(id.get(), "Sample " + i + " " + sentence(r)));
    }
    List<BenchmarkQuestion> benchmarks = new ArrayList<>();
    for (int i = 0; i < r.nextInt(3); i++) {
      benchmarks.add(new BenchmarkQuestion(id.get(), List.of("Benchmark " + i),
          List.of(new BenchmarkAnswer("SQL", List.of("SELECT 1"), UnknownFields.none())), UnknownFields.none()));
    }
    GenieSpace space = new GenieSpace(2,
        new SpaceConfig(samples, UnknownFields.none()),
        new DataSources(tables, metricViews, UnknownFields.none()),
        new Instructions(text, examples, List.of(), joins,
            new SqlSnippets(List.of(), List.of(), measures, UnknownFields.none()), UnknownFields.none()),
        new Benchmarks(benchmarks, UnknownFields.none()),
        UnknownFields.none()).canonicalize();
    Catalog catalog = r.nextBoolean() ? null : Catalog.of(chosen.stream()
        .map(t -> new TableSchema(t, COLUMNS.stream().map(c -> new TableSchema.ColumnSchema(c, "STRING")).toList()))
        .toList());
    return new Generated(space, catalog, joinIds);
  }

  private static ColumnConfig column(Random r, String name) {
    Boolean entity = r.nextInt(4) == 0 ? Boolean.TRUE : null;
    Boolean format = entity != null ? Boolean.TRUE : r.nextBoolean() ? null : r.nextBoolean();
    return new ColumnConfig(name, r.nextBoolean() ? List.of() : List.of(sentence(r)),
        r.nextBoolean() ? List.of() : List.of(pick(r, List.of(WORDS))), r.nextInt(5) == 0 ? Boolean.TRUE : null,
        format, entity, null, null, UnknownFields.none());
  }

  private static String sentence(Random r) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 1 + r.nextInt(4); i++) {
      b.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
    }
    return b.append('.').toString();
  }

  private static String pick(Random r, List<String> values) {
    return values.get(r.nextInt(values.size()));
  }
}
