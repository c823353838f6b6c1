package dev.genieheal.analyze;

import dev.genieheal.space.Benchmarks;
import dev.genieheal.space.Catalog;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.ExampleQuestionSql;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.Instructions;
import dev.genieheal.space.JoinSpec;
import dev.genieheal.space.SpaceConfig;
import dev.genieheal.space.SqlSnippet;
import dev.genieheal.space.SqlSnippets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The part of a space relevant to some tables: those tables (with their column configs), join specs touching them,
 * snippets and examples mentioning them, and the text instruction. Benchmarks and sample questions are left out:
 * the model must not see benchmark answers through the space.
 */
final class SpaceExcerpt {
  private SpaceExcerpt() {}

  /** The excerpt for the given table names (full or short); an empty collection means the whole space. */
  static GenieSpace of(GenieSpace space, Collection<String> tables) {
    GenieSpace withoutBenchmarks = space.withBenchmarks(Benchmarks.empty()).withConfig(SpaceConfig.empty());
    if (tables.isEmpty()) {
      return withoutBenchmarks;
    }
    Set<String> full = tables.stream().map(Catalog::normalize).collect(Collectors.toSet());
    Set<String> shortNames = full.stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).collect(Collectors.toSet());
    Predicate<DataObject> relevant = d -> d != null && (full.contains(Catalog.normalize(d.identifier()))
        || shortNames.contains(d.shortName().toLowerCase(Locale.ROOT)));
    Predicate<String> mentions = text -> {
      String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
      return shortNames.stream().anyMatch(lower::contains);
    };
    Instructions in = space.instructions();
    List<JoinSpec> joins = in.joinSpecs().stream()
        .filter(j -> j != null && j.left() != null && j.right() != null
            && (mentions.test(j.left().identifier()) || mentions.test(j.right().identifier())))
        .toList();
    List<ExampleQuestionSql> examples = in.exampleQuestionSqls().stream()
        .filter(e -> e != null && mentions.test(e.sqlText())).toList();
    SqlSnippets snippets = in.sqlSnippets();
    Predicate<SqlSnippet> snippetRelevant = s -> s != null && mentions.test(s.sqlText());
    SqlSnippets keptSnippets = new SqlSnippets(
        snippets.filters().stream().filter(snippetRelevant).toList(),
        snippets.expressions().stream().filter(snippetRelevant).toList(),
        snippets.measures().stream().filter(snippetRelevant).toList(),
        snippets.unknown());
    Instructions kept = new Instructions(in.textInstructions(), examples, in.sqlFunctions(), joins, keptSnippets,
        in.unknown());
    return withoutBenchmarks
        .withTables(space.tables().stream().filter(relevant).toList())
        .withMetricViews(space.metricViews().stream().filter(relevant).toList())
        .withInstructions(kept);
  }
}
