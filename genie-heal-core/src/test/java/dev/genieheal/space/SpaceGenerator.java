package dev.genieheal.space;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random spaces from a seed, for property tests and benchmarks.
 *
 * <p>In {@linkplain #validIsh() valid-ish} mode the space breaks only rules that canonicalisation repairs (order,
 * v1 flags, null and empty elements, empty text instructions), so its canonical form must validate. In
 * {@linkplain #anything() anything} mode it also carries unknown fields, odd ids and flag combinations.
 */
final class SpaceGenerator {
  private static final String CHARS = "abcXYZ 019_.\n\t\"\\'é€😀:;`";

  private final boolean valid;
  private Random r;
  private long nextId;

  private SpaceGenerator(boolean valid) {
    this.valid = valid;
  }

  static SpaceGenerator validIsh() {
    return new SpaceGenerator(true);
  }

  static SpaceGenerator anything() {
    return new SpaceGenerator(false);
  }

  GenieSpace generate(long seed) {
    r = new Random(seed);
    nextId = r.nextInt(1000);
    int version = r.nextBoolean() ? 1 : 2;
    List<DataObject> tables = new ArrayList<>();
    List<DataObject> views = new ArrayList<>();
    int objects = r.nextInt(6);
    for (int i = 0; i < objects; i++) {
      (r.nextInt(3) == 0 ? views : tables).add(dataObject("cat.sch.t" + i, version));
    }
    List<JoinSpec> joins = new ArrayList<>();
    for (int i = 0; i + 1 < tables.size() && r.nextBoolean(); i++) {
      RelationshipType type = RelationshipType.values()[r.nextInt(RelationshipType.values().length)];
      joins.add(JoinSpec.of(id(), tables.get(i).identifier(), "k", tables.get(i + 1).identifier(), "k", type,
          strings()));
    }
    List<TextInstruction> texts = new ArrayList<>();
    if (r.nextBoolean()) {
      texts.add(new TextInstruction(id(), r.nextInt(4) == 0 ? List.of() : strings(), unknown()));
    }
    List<ExampleQuestionSql> examples = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      List<Parameter> parameters = new ArrayList<>();
      for (int p = r.nextInt(3); p > 0; p--) {
        parameters.add(new Parameter("p" + r.nextInt(100), r.nextBoolean() ? "STRING" : null, strings(),
            r.nextBoolean() ? List.of() : strings(), unknown()));
      }
      examples.add(nullSometimes(new ExampleQuestionSql(id(), text(), sql(), parameters, strings(), unknown())));
    }
    List<SqlFunction> functions = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      functions.add(new SqlFunction(id(), "cat.sch.f" + r.nextInt(100), unknown()));
    }
    List<List<SqlSnippet>> snippets = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      List<SqlSnippet> list = new ArrayList<>();
      for (int i = r.nextInt(3); i > 0; i--) {
        list.add(new SqlSnippet(id(), k == 0 ? null : "a" + i, sql(), r.nextBoolean() ? "name " + i : null,
            strings(), strings(), strings(), unknown()));
      }
      Collections.shuffle(list, r);
      snippets.add(list);
    }
    List<SampleQuestion> samples = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      samples.add(nullSometimes(new SampleQuestion(id(), text(), unknown())));
    }
    List<BenchmarkQuestion> benchmarks = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      benchmarks.add(new BenchmarkQuestion(id(), text(),
          List.of(new BenchmarkAnswer("SQL", sql(), unknown())), unknown()));
    }
    for (List<?> l : List.of(tables, views, joins, examples, functions, samples, benchmarks)) {
      Collections.shuffle(l, r);
    }
    Instructions instructions = new Instructions(texts, examples, functions, joins,
        new SqlSnippets(snippets.get(0), snippets.get(1), snippets.get(2), unknown()), unknown());
    return new GenieSpace(version, new SpaceConfig(samples, unknown()), new DataSources(tables, views, unknown()),
        instructions, new Benchmarks(benchmarks, unknown()), unknown());
  }

  private DataObject dataObject(String identifier, int version) {
    List<ColumnConfig> columns = new ArrayList<>();
    for (int i = r.nextInt(5); i > 0; i--) {
      Boolean format = flag();
      Boolean entity = Boolean.TRUE.equals(format) ? flag() : (valid ? null : flag());
      boolean v1 = valid ? version == 1 : r.nextBoolean();
      columns.add(nullSometimes(new ColumnConfig("c" + i, strings(), strings(), flag(), v1 ? null : format,
          v1 ? null : entity, v1 ? format : null, v1 ? entity : null, unknown())));
    }
    Collections.shuffle(columns, r);
    return new DataObject(identifier, r.nextBoolean() ? List.of() : strings(), columns, unknown());
  }

  private String id() {
    if (!valid && r.nextInt(10) == 0) {
      return r.nextBoolean() ? null : "q" + r.nextInt(10);
    }
    return String.format("%032x", nextId += 1 + r.nextInt(1000));
  }

  private Boolean flag() {
    int n = r.nextInt(3);
    return n == 0 ? null : n == 1;
  }

  private <T> T nullSometimes(T t) {
    return !valid && r.nextInt(10) == 0 ? null : t;
  }

  /** A string array whose joined text is never blank, with nulls and empty strings sprinkled in. */
  private List<String> text() {
    List<String> out = new ArrayList<>();
    out.add("x" + string());
    for (int i = r.nextInt(3); i > 0; i--) {
      int k = r.nextInt(5);
      out.add(k == 0 ? null : k == 1 ? "" : string());
    }
    return out;
  }

  private List<String> sql() {
    List<String> out = new ArrayList<>(List.of("SELECT " + r.nextInt(100) + "\n"));
    if (r.nextBoolean()) {
      out.add(r.nextBoolean() ? "" : "FROM cat.sch.t0");
    }
    return out;
  }

  private List<String> strings() {
    return r.nextInt(3) == 0 ? List.of() : text();
  }

  private String string() {
    StringBuilder s = new StringBuilder();
    for (int i = r.nextInt(12); i > 0; i--) {
      s.appendCodePoint(CHARS.codePointAt(CHARS.offsetByCodePoints(0, r.nextInt(CHARS.codePointCount(0,
          CHARS.length())))));
    }
    return s.toString();
  }

  private UnknownFields unknown() {
    if (valid || r.nextInt(4) != 0) {
      return UnknownFields.none();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = r.nextInt(3) + 1; i > 0; i--) {
      m.put("x_" + r.nextInt(50), value(2));
    }
    return new UnknownFields(m);
  }

  private Object value(int depth) {
    switch (r.nextInt(depth > 0 ? 8 : 6)) {
      case 0:
        return null;
      case 1:
        return r.nextBoolean();
      case 2:
        return (long) r.nextInt();
      case 3:
        return new BigDecimal(r.nextInt(100000)).movePointLeft(r.nextInt(4) + 1);
      case 4:
      case 5:
        return string();
      case 6:
        List<Object> l = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
          l.add(value(depth - 1));
        }
        return l;
      default:
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = r.nextInt(3); i > 0; i--) {
          m.put("k" + i, value(depth - 1));
        }
        return m;
    }
  }
}
