package dev.genieheal.space;

import dev.genieheal.error.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a JSON Schema cannot express, checked on the model. Paths use the indexes of the model's lists, which
 * are the indexes of the written JSON. One instance checks one space; not thread-safe.
 */
final class SpaceRules {
  private static final Comparator<String> KEY = Comparator.nullsFirst(Comparator.naturalOrder());
  private static final String PART = "(`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)";
  private static final Pattern EQUALITY =
      Pattern.compile("^\\s*" + PART + "\\s*\\.\\s*" + PART + "\\s*=\\s*" + PART + "\\s*\\.\\s*" + PART + "\\s*$");
  private static final Pattern COMPOSITE = Pattern.compile("(?i)\\b(AND|OR)\\b");
  // A named parameter: a colon not preceded by a name, a quote, a bracket or another colon (so casts x::int and
  // variant paths col:field are not taken for one), followed by a name.
  private static final Pattern PLACEHOLDER = Pattern.compile("(?<![\\w`\\])\"':]):([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern STRINGS_AND_COMMENTS =
      Pattern.compile("'(?:[^'\\\\]|\\\\.|'')*'|--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

  private final GenieSpace space;
  private final SpaceValidator.Limits limits;
  private final Catalog catalog;
  private final List<Violation> out = new ArrayList<>();

  SpaceRules(GenieSpace space, SpaceValidator.Limits limits, Catalog catalog) {
    this.space = space;
    this.limits = limits;
    this.catalog = catalog;
  }

  List<Violation> check() {
    sortOrder();
    uniqueIds();
    dataObjects();
    columnFlags();
    joinSpecs();
    emptySql();
    benchmarkParameters();
    limits();
    if (catalog != null) {
      catalog();
    }
    return out;
  }

  private void add(String path, String rule, String message) {
    out.add(new Violation(path, rule, message));
  }

  // ---- sort-order ------------------------------------------------------------------------------------------

  private void sortOrder() {
    sorted("$.config.sample_questions", space.sampleQuestions(), "id", SampleQuestion::id);
    sorted("$.data_sources.tables", space.tables(), "identifier", DataObject::identifier);
    sorted("$.data_sources.metric_views", space.metricViews(), "identifier", DataObject::identifier);
    objects("$.data_sources", space.dataSources(), (path, t) ->
        sorted(path + ".column_configs", t.columnConfigs(), "column_name", ColumnConfig::columnName));
    Instructions i = space.instructions();
    sorted("$.instructions.text_instructions", i.textInstructions(), "id", TextInstruction::id);
    sorted("$.instructions.example_question_sqls", i.exampleQuestionSqls(), "id", ExampleQuestionSql::id);
    sorted("$.instructions.sql_functions", i.sqlFunctions(), "(id, identifier)",
        f -> f.id() == null ? null : f.id() + "\u0000" + Objects.toString(f.identifier(), ""));
    sorted("$.instructions.join_specs", i.joinSpecs(), "id", JoinSpec::id);
    for (SnippetKind kind : SnippetKind.values()) {
      sorted("$.instructions.sql_snippets." + kind.jsonName(), i.sqlSnippets().of(kind), "id", SqlSnippet::id);
    }
    for (int e = 0; e < i.exampleQuestionSqls().size(); e++) {
      ExampleQuestionSql ex = i.exampleQuestionSqls().get(e);
      if (ex != null) {
        sorted("$.instructions.example_question_sqls[" + e + "].parameters", ex.parameters(), "name",
            Parameter::name);
      }
    }
    sorted("$.benchmarks.questions", space.benchmarkQuestions(), "id", BenchmarkQuestion::id);
  }

  private <T> void sorted(String path, List<T> list, String keyName, Function<T, String> key) {
    String previous = null;
    boolean first = true;
    for (int n = 0; n < list.size(); n++) {
      T t = list.get(n);
      if (t == null) {
        continue;
      }
      String k = key.apply(t);
      if (!first && KEY.compare(previous, k) > 0) {
        // API: "Invalid export proto: data_sources.tables must be sorted by identifier"
        add(path + "[" + n + "]", "sort-order", path.substring(2) + " must be sorted by " + keyName + ": '"
            + printable(k) + "' comes after '" + printable(previous) + "'");
        return;
      }
      previous = k;
      first = false;
    }
  }

  private static String printable(String key) {
    return key == null ? "(missing)" : key.replace("\u0000", ", ");
  }

  // ---- duplicate-id ----------------------------------------------------------------------------------------

  private void uniqueIds() {
    Map<String, String> questions = new HashMap<>();
    String questionGroup = "question ids must be unique across config.sample_questions and benchmarks.questions";
    ids(questions, "$.config.sample_questions", space.sampleQuestions(), SampleQuestion::id, questionGroup);
    ids(questions, "$.benchmarks.questions", space.benchmarkQuestions(), BenchmarkQuestion::id, questionGroup);
    Map<String, String> instructions = new HashMap<>();
    String instructionGroup = "instruction ids must be unique across text_instructions, example_question_sqls, "
        + "sql_functions, join_specs and sql_snippets";
    Instructions i = space.instructions();
    ids(instructions, "$.instructions.text_instructions", i.textInstructions(), TextInstruction::id,
        instructionGroup);
    ids(instructions, "$.instructions.example_question_sqls", i.exampleQuestionSqls(), ExampleQuestionSql::id,
        instructionGroup);
    ids(instructions, "$.instructions.sql_functions", i.sqlFunctions(), SqlFunction::id, instructionGroup);
    ids(instructions, "$.instructions.join_specs", i.joinSpecs(), JoinSpec::id, instructionGroup);
    for (SnippetKind kind : SnippetKind.values()) {
      ids(instructions, "$.instructions.sql_snippets." + kind.jsonName(), i.sqlSnippets().of(kind), SqlSnippet::id,
          instructionGroup);
    }
  }

  private <T> void ids(Map<String, String> seen, String path, List<T> list, Function<T, String> id, String group) {
    for (int n = 0; n < list.size(); n++) {
      T t = list.get(n);
      String value = t == null ? null : id.apply(t);
      if (value == null) {
        continue;
      }
      String here = path + "[" + n + "]";
      String before = seen.putIfAbsent(value, here);
      if (before != null) {
        add(here + ".id", "duplicate-id", "id '" + value + "' is already used at " + before + "; " + group);
      }
    }
  }

  // ---- data objects: duplicates, both lists, column configs -------------------------------------------------

  private void dataObjects() {
    Map<String, String> tables = new HashMap<>();
    Map<String, String> metricViews = new HashMap<>();
    identifiers("$.data_sources.tables", space.tables(), tables);
    identifiers("$.data_sources.metric_views", space.metricViews(), metricViews);
    for (int n = 0; n < space.metricViews().size(); n++) {
      DataObject t = space.metricViews().get(n);
      String table = t == null ? null : tables.get(Catalog.normalize(t.identifier()));
      if (table != null) {
        add("$.data_sources.metric_views[" + n + "].identifier", "data-object-in-both", "'" + t.identifier()
            + "' is listed both in data_sources.tables (" + table + ") and in data_sources.metric_views");
      }
    }
    Map<String, String> columns = new HashMap<>();
    objects("$.data_sources", space.dataSources(), (path, t) -> {
      for (int c = 0; c < t.columnConfigs().size(); c++) {
        ColumnConfig cc = t.columnConfigs().get(c);
        if (cc == null || cc.columnName() == null) {
          continue;
        }
        String key = Catalog.normalize(t.identifier()) + "\u0000" + cc.columnName().toLowerCase(Locale.ROOT);
        String here = path + ".column_configs[" + c + "]";
        String before = columns.putIfAbsent(key, here);
        if (before != null) {
          add(here + ".column_name", "duplicate-column-config", "column '" + cc.columnName() + "' of '"
              + t.identifier() + "' is already configured at " + before
              + "; (identifier, column_name) must be unique across the space");
        }
      }
    });
  }

  private void identifiers(String path, List<DataObject> list, Map<String, String> seen) {
    for (int n = 0; n < list.size(); n++) {
      DataObject t = list.get(n);
      if (t == null || t.identifier() == null) {
        continue;
      }
      String here = path + "[" + n + "]";
      String before = seen.putIfAbsent(Catalog.normalize(t.identifier()), here);
      if (before != null) {
        add(here + ".identifier", "duplicate-data-object", "'" + t.identifier() + "' is already listed at "
            + before);
      }
    }
  }

  /** Visits every non-null table and metric view with its path. */
  private static void objects(String prefix, DataSources d, java.util.function.BiConsumer<String, DataObject> f) {
    for (int n = 0; n < d.tables().size(); n++) {
      if (d.tables().get(n) != null) {
        f.accept(prefix + ".tables[" + n + "]", d.tables().get(n));
      }
    }
    for (int n = 0; n < d.metricViews().size(); n++) {
      if (d.metricViews().get(n) != null) {
        f.accept(prefix + ".metric_views[" + n + "]", d.metricViews().get(n));
      }
    }
  }

  // ---- column flags ----------------------------------------------------------------------------------------

  private void columnFlags() {
    objects("$.data_sources", space.dataSources(), (path, t) -> {
      for (int c = 0; c < t.columnConfigs().size(); c++) {
        ColumnConfig cc = t.columnConfigs().get(c);
        if (cc == null) {
          continue;
        }
        String here = path + ".column_configs[" + c + "]";
        boolean v1 = cc.getExampleValues() != null || cc.buildValueDictionary() != null;
        boolean v2 = cc.enableFormatAssistance() != null || cc.enableEntityMatching() != null;
        if (space.version() >= 2 && v1) {
          // The API's own text, word for word.
          add(here, "v1-flags-in-v2", here.substring(2) + " uses version 1 fields (get_example_values, "
              + "build_value_dictionary) but the export version is " + space.version()
              + ". Use enable_format_assistance and enable_entity_matching for version 2.");
        }
        if (space.version() == 1 && v2) {
          add(here, "v2-flags-in-v1", here.substring(2) + " uses version 2 fields (enable_format_assistance, "
              + "enable_entity_matching) but the export version is 1. Use get_example_values and "
              + "build_value_dictionary for version 1, or set version 2.");
        }
        if (cc.entityMatching() && !cc.formatAssistance()) {
          add(here, "entity-matching-needs-format-assistance", "column '" + cc.columnName()
              + "' enables entity matching without format assistance; set enable_format_assistance to true");
        }
      }
    });
  }

  // ---- join specs ------------------------------------------------------------------------------------------

  private void joinSpecs() {
    List<JoinSpec> joins = space.joinSpecs();
    for (int n = 0; n < joins.size(); n++) {
      JoinSpec j = joins.get(n);
      if (j == null) {
        continue;
      }
      String path = "$.instructions.join_specs[" + n + "]";
      side(path + ".left", j.left());
      side(path + ".right", j.right());
      Optional<String> condition = j.condition();
      if (condition.isEmpty() || RelationshipType.fromMarker(condition.get()).isPresent()) {
        continue;
      }
      condition(path + ".sql[0]", condition.get(), j);
    }
  }

  private void side(String path, JoinSide side) {
    if (side == null || side.identifier() == null || side.alias() == null) {
      return;
    }
    String last = DataObject.of(side.identifier()).shortName();
    if (!last.equalsIgnoreCase(side.alias().replace("`", ""))) {
      add(path + ".alias", "join-alias-identifier", "alias '" + side.alias() + "' must be the last part of "
          + "the identifier ('" + last + "'); the API rejects other aliases");
    }
  }

  private void condition(String path, String condition, JoinSpec j) {
    Matcher m = EQUALITY.matcher(condition);
    if (!m.matches()) {
      boolean composite = COMPOSITE.matcher(condition).find() || condition.chars().filter(ch -> ch == '=').count() > 1;
      add(path, "join-condition", composite
          ? "join condition '" + condition + "' has more than one equality; use one join spec per key column"
          : "join condition '" + condition + "' must be a single equality `alias`.`column` = `alias`.`column`");
      return;
    }
    String a = unquote(m.group(1));
    String b = unquote(m.group(3));
    String left = j.left() == null || j.left().alias() == null ? null : unquote(j.left().alias());
    String right = j.right() == null || j.right().alias() == null ? null : unquote(j.right().alias());
    boolean inOrder = a.equalsIgnoreCase(Objects.toString(left)) && b.equalsIgnoreCase(Objects.toString(right));
    boolean swapped = b.equalsIgnoreCase(Objects.toString(left)) && a.equalsIgnoreCase(Objects.toString(right));
    if (!inOrder && !swapped) {
      add(path, "join-alias", "join condition uses aliases '" + a + "' and '" + b + "' but the spec declares '"
          + left + "' (left) and '" + right + "' (right)");
    }
  }

  private static String unquote(String s) {
    return s.replace("`", "");
  }

  // ---- empty-sql, benchmark-parameter ----------------------------------------------------------------------

  private void emptySql() {
    Instructions i = space.instructions();
    for (int n = 0; n < i.exampleQuestionSqls().size(); n++) {
      ExampleQuestionSql e = i.exampleQuestionSqls().get(n);
      if (e != null && blank(e.sql())) {
        add("$.instructions.example_question_sqls[" + n + "].sql", "empty-sql",
            "example question SQL has no sql; empty sql arrays are rejected");
      }
    }
    for (SnippetKind kind : SnippetKind.values()) {
      List<SqlSnippet> list = i.sqlSnippets().of(kind);
      for (int n = 0; n < list.size(); n++) {
        if (list.get(n) != null && blank(list.get(n).sql())) {
          add("$.instructions.sql_snippets." + kind.jsonName() + "[" + n + "].sql", "empty-sql",
              "SQL snippet has no sql; empty sql arrays are rejected");
        }
      }
    }
    answers((path, a) -> {
      if (blank(a.content())) {
        add(path + ".content", "empty-sql", "benchmark answer has no SQL content");
      }
    });
  }

  private void benchmarkParameters() {
    answers((path, a) -> {
      Matcher m = PLACEHOLDER.matcher(STRINGS_AND_COMMENTS.matcher(a.text()).replaceAll(" "));
      if (m.find()) {
        add(path + ".content", "benchmark-parameter", "benchmark SQL uses the parameter ':" + m.group(1)
            + "'; benchmark SQL must be concrete, without :param placeholders");
      }
    });
  }

  private void answers(java.util.function.BiConsumer<String, BenchmarkAnswer> f) {
    List<BenchmarkQuestion> qs = space.benchmarkQuestions();
    for (int n = 0; n < qs.size(); n++) {
      BenchmarkQuestion q = qs.get(n);
      if (q == null) {
        continue;
      }
      for (int a = 0; a < q.answer().size(); a++) {
        if (q.answer().get(a) != null) {
          f.accept("$.benchmarks.questions[" + n + "].answer[" + a + "]", q.answer().get(a));
        }
      }
    }
  }

  private static boolean blank(List<String> lines) {
    for (String s : lines) {
      if (s != null && !s.isBlank()) {
        return false;
      }
    }
    return true;
  }

  // ---- limits ----------------------------------------------------------------------------------------------

  private void limits() {
    int dataObjects = count(space.tables()) + count(space.metricViews());
    if (dataObjects > limits.maxDataObjects()) {
      add("$.data_sources", "max-data-objects", "the space has " + dataObjects
          + " tables and metric views; the API allows at most " + limits.maxDataObjects());
    }
    Instructions i = space.instructions();
    int instructions = count(i.exampleQuestionSqls()) + count(i.sqlFunctions())
        + Math.min(1, count(i.textInstructions()));
    if (instructions > limits.maxInstructions()) {
      add("$.instructions", "max-instructions", "the space has " + instructions
          + " instructions (example SQLs + SQL functions + the text block); the API allows at most "
          + limits.maxInstructions());
    }
    int described = (int) space.dataObjects().stream().filter(t -> t != null && !blank(t.description())).count();
    int snippets = described + count(i.joinSpecs()) + count(i.sqlSnippets().filters())
        + count(i.sqlSnippets().expressions()) + count(i.sqlSnippets().measures());
    if (snippets > limits.maxSnippets()) {
      add("$", "max-snippets", "the space has " + snippets + " knowledge-store snippets (table descriptions + "
          + "join specs + SQL snippets); the API allows at most " + limits.maxSnippets());
    }
    int benchmarks = count(space.benchmarkQuestions());
    if (benchmarks > limits.maxBenchmarks()) {
      add("$.benchmarks.questions", "max-benchmarks", "the space has " + benchmarks
          + " benchmark questions; at most " + limits.maxBenchmarks() + " are allowed");
    }
    int[] entity = {0};
    objects("$", space.dataSources(), (path, t) -> t.columnConfigs().forEach(c -> {
      if (c != null && c.entityMatching()) {
        entity[0]++;
      }
    }));
    if (entity[0] > limits.maxEntityMatchingColumns()) {
      add("$.data_sources", "max-entity-matching-columns", "the space has " + entity[0]
          + " entity-matching columns; at most " + limits.maxEntityMatchingColumns() + " are supported");
    }
  }

  private static int count(List<?> list) {
    int n = 0;
    for (Object o : list) {
      if (o != null) {
        n++;
      }
    }
    return n;
  }

  // ---- catalog ---------------------------------------------------------------------------------------------

  private void catalog() {
    objects("$.data_sources", space.dataSources(), (path, t) -> {
      if (t.identifier() == null) {
        return;
      }
      Optional<TableSchema> schema = catalog.table(t.identifier());
      if (schema.isEmpty()) {
        add(path + ".identifier", "unknown-table", missingTable(t.identifier()));
        return;
      }
      for (int c = 0; c < t.columnConfigs().size(); c++) {
        ColumnConfig cc = t.columnConfigs().get(c);
        if (cc != null && cc.columnName() != null && schema.get().column(cc.columnName()).isEmpty()) {
          add(path + ".column_configs[" + c + "].column_name", "unknown-column", "column '" + cc.columnName()
              + "' does not exist in '" + t.identifier() + "'");
        }
      }
    });
    List<JoinSpec> joins = space.joinSpecs();
    for (int n = 0; n < joins.size(); n++) {
      JoinSpec j = joins.get(n);
      if (j == null) {
        continue;
      }
      knownSide("$.instructions.join_specs[" + n + "].left", j.left());
      knownSide("$.instructions.join_specs[" + n + "].right", j.right());
    }
  }

  private void knownSide(String path, JoinSide side) {
    if (side != null && side.identifier() != null && catalog.table(side.identifier()).isEmpty()) {
      add(path + ".identifier", "unknown-table", missingTable(side.identifier()));
    }
  }

  private static String missingTable(String identifier) {
    // API: "PermissionDenied: ... Failed to fetch tables for the space ... Catalog '<id>' does not exist"
    return "table '" + identifier + "' does not exist in the warehouse catalog (the API fails with "
        + "\"Failed to fetch tables for the space\")";
  }
}
