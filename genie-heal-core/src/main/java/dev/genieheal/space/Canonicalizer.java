package dev.genieheal.space;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Computes the canonical form of a space; internal to the model.
 *
 * <ul>
 *   <li>every list sorted by the key of §4.2 of the reference (plain {@code String.compareTo}, missing keys first,
 *       stable for ties): data objects by identifier, column configs by column name, questions, instructions,
 *       join specs and snippets by id, SQL functions by (id, identifier), parameters by name;
 *   <li>version 1 becomes 2; {@code get_example_values} / {@code build_value_dictionary} become
 *       {@code enable_format_assistance} / {@code enable_entity_matching} (in any version), never overwriting a v2
 *       flag already set;
 *   <li>null list elements dropped, empty-string elements of string arrays dropped (the API joins elements
 *       verbatim, so the text and its line splitting are unchanged), text instructions without content dropped.
 * </ul>
 *
 * <p>Anything else (duplicates, missing ids, unknown fields) is left for the validator to report: canonicalising
 * never guesses. The function is idempotent.
 */
final class Canonicalizer {
  private static final Comparator<String> KEY = Comparator.nullsFirst(Comparator.naturalOrder());

  private Canonicalizer() {}

  static GenieSpace canonicalize(GenieSpace space) {
    Objects.requireNonNull(space, "space");
    int version = space.version() == 1 ? GenieSpace.CURRENT_VERSION : space.version();
    return new GenieSpace(version, config(space.config()), dataSources(space.dataSources()),
        instructions(space.instructions()), benchmarks(space.benchmarks()), space.unknown());
  }

  private static SpaceConfig config(SpaceConfig c) {
    return new SpaceConfig(
        sorted(c.sampleQuestions(), q -> new SampleQuestion(q.id(), text(q.question()), q.unknown()),
            SampleQuestion::id),
        c.unknown());
  }

  private static DataSources dataSources(DataSources d) {
    return new DataSources(sorted(d.tables(), Canonicalizer::dataObject, DataObject::identifier),
        sorted(d.metricViews(), Canonicalizer::dataObject, DataObject::identifier), d.unknown());
  }

  private static DataObject dataObject(DataObject t) {
    return new DataObject(t.identifier(), text(t.description()),
        sorted(t.columnConfigs(), Canonicalizer::columnConfig, ColumnConfig::columnName), t.unknown());
  }

  private static ColumnConfig columnConfig(ColumnConfig c) {
    Boolean format = c.enableFormatAssistance() != null ? c.enableFormatAssistance() : c.getExampleValues();
    Boolean entity = c.enableEntityMatching() != null ? c.enableEntityMatching() : c.buildValueDictionary();
    return new ColumnConfig(c.columnName(), text(c.description()), text(c.synonyms()), c.exclude(), format, entity,
        null, null, c.unknown());
  }

  private static Instructions instructions(Instructions i) {
    List<TextInstruction> texts = sorted(
        filter(i.textInstructions(), t -> !(text(t.content()).isEmpty() && t.unknown().isEmpty())),
        t -> new TextInstruction(t.id(), text(t.content()), t.unknown()), TextInstruction::id);
    List<SqlFunction> functions = sorted(i.sqlFunctions(), UnaryOperator.identity(), SqlFunction::id,
        SqlFunction::identifier);
    SqlSnippets s = i.sqlSnippets();
    SqlSnippets snippets = new SqlSnippets(snippets(s.filters()), snippets(s.expressions()),
        snippets(s.measures()), s.unknown());
    return new Instructions(texts, sorted(i.exampleQuestionSqls(), Canonicalizer::example, ExampleQuestionSql::id),
        functions, sorted(i.joinSpecs(), Canonicalizer::joinSpec, JoinSpec::id), snippets, i.unknown());
  }

  private static ExampleQuestionSql example(ExampleQuestionSql e) {
    List<Parameter> parameters = sorted(e.parameters(),
        p -> new Parameter(p.name(), p.typeHint(), text(p.description()), text(p.defaultValues()), p.unknown()),
        Parameter::name);
    return new ExampleQuestionSql(e.id(), text(e.question()), text(e.sql()), parameters, text(e.usageGuidance()),
        e.unknown());
  }

  private static JoinSpec joinSpec(JoinSpec j) {
    // The sql pair keeps its positions (condition, marker), so only nulls go; empty strings stay for the validator.
    return new JoinSpec(j.id(), j.left(), j.right(), filter(j.sql(), Objects::nonNull), text(j.comment()),
        text(j.instruction()), j.unknown());
  }

  private static List<SqlSnippet> snippets(List<SqlSnippet> list) {
    return sorted(list, s -> new SqlSnippet(s.id(), s.alias(), text(s.sql()), s.displayName(), text(s.synonyms()),
        text(s.instruction()), text(s.comment()), s.unknown()), SqlSnippet::id);
  }

  private static Benchmarks benchmarks(Benchmarks b) {
    return new Benchmarks(sorted(b.questions(), q -> new BenchmarkQuestion(q.id(), text(q.question()),
        filter(q.answer(), Objects::nonNull).stream()
            .map(a -> new BenchmarkAnswer(a.format(), text(a.content()), a.unknown()))
            .collect(java.util.stream.Collectors.toList()),
        q.unknown()), BenchmarkQuestion::id), b.unknown());
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  /** A string array without null and empty elements: the joined text is unchanged. */
  private static List<String> text(List<String> list) {
    return filter(list, s -> s != null && !s.isEmpty());
  }

  private static <T> List<T> filter(List<T> list, Predicate<T> keep) {
    List<T> out = new ArrayList<>(list.size());
    for (T t : list) {
      if (t != null && keep.test(t)) {
        out.add(t);
      }
    }
    return out;
  }

  /** Nulls dropped, each element mapped, then a stable sort by the key(s). */
  @SafeVarargs
  private static <T> List<T> sorted(List<T> list, UnaryOperator<T> map, Function<T, String>... keys) {
    List<T> out = new ArrayList<>(list.size());
    for (T t : list) {
      if (t != null) {
        out.add(map.apply(t));
      }
    }
    Comparator<T> order = Comparator.comparing(keys[0], KEY);
    for (int k = 1; k < keys.length; k++) {
      order = order.thenComparing(keys[k], KEY);
    }
    out.sort(order);
    return out;
  }
}
