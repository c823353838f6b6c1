package dev.genieheal.analyze;

import dev.genieheal.space.Catalog;
import dev.genieheal.space.ColumnConfig;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.JoinSpec;
import dev.genieheal.space.SnippetKind;
import dev.genieheal.space.SqlSnippet;
import dev.genieheal.space.TableSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What the space (and the catalog, when known) already says, for the rule-based analyzer's lookups. */
final class SpaceIndex {
  private final GenieSpace space;
  private final Catalog catalog;
  private final Set<String> knownWords = new HashSet<>();
  private final Set<String> knownNames = new HashSet<>();

  SpaceIndex(GenieSpace space, Catalog catalog) {
    this.space = space;
    this.catalog = catalog;
    for (DataObject table : space.dataObjects()) {
      addWords(table.shortName());
      for (String column : columnNames(table)) {
        addWords(column);
      }
      for (ColumnConfig config : table.columnConfigs()) {
        config.synonyms().forEach(this::addWords);
      }
    }
    for (SnippetKind kind : SnippetKind.values()) {
      for (SqlSnippet snippet : space.sqlSnippets().of(kind)) {
        addWords(snippet.displayName());
        addWords(snippet.alias());
        snippet.synonyms().forEach(this::addWords);
      }
    }
  }

  /**
   * Records a name: a one-word name explains that word; a longer name ({@code refund_amount}) explains only the
   * whole phrase ("refund amount"), since a Genie-like engine does not read "refunds" as that column.
   */
  private void addWords(String text) {
    if (text == null) {
      return;
    }
    List<String> words = QuestionTerms.words(text.replace('_', ' '));
    if (words.size() == 1) {
      knownWords.add(QuestionTerms.singular(words.get(0)));
    } else if (words.size() > 1) {
      knownNames.add(singularPhrase(words));
    }
  }

  private static String singularPhrase(List<String> words) {
    return String.join(" ", words.stream().map(QuestionTerms::singular).toList());
  }

  /** Whether a question word is already explained by a one-word table, column, synonym or snippet name. */
  boolean explains(String word) {
    return knownWords.contains(QuestionTerms.singular(word));
  }

  /** Whether consecutive question words (joined by spaces) are a multi-word name the space already has. */
  boolean explainsName(String phrase) {
    return knownNames.contains(singularPhrase(QuestionTerms.words(phrase)));
  }

  /** The space's table with this name (full or short, case-insensitive, quotes ignored). */
  Optional<DataObject> table(String name) {
    String wanted = Catalog.normalize(name);
    String shortWanted = wanted.substring(wanted.lastIndexOf('.') + 1);
    Optional<DataObject> exact = space.dataObject(name);
    if (exact.isPresent()) {
      return exact;
    }
    return space.dataObjects().stream()
        .filter(t -> t.identifier() != null && t.shortName().toLowerCase(Locale.ROOT).equals(shortWanted))
        .findFirst();
  }

  /** The catalog's schema of a space table, when known. */
  Optional<TableSchema> schema(DataObject table) {
    return catalog == null ? Optional.empty() : catalog.table(table.identifier());
  }

  /** The column names of a table: the catalog's when known, else the configured ones. */
  List<String> columnNames(DataObject table) {
    List<String> names = new ArrayList<>();
    schema(table).ifPresentOrElse(
        s -> s.columns().forEach(c -> names.add(c.name())),
        () -> table.columnConfigs().forEach(c -> names.add(c.columnName())));
    return names;
  }

  /** The catalog type of a column, or empty. */
  Optional<String> columnType(DataObject table, String column) {
    return schema(table).flatMap(s -> s.column(column)).map(c -> c.type().toUpperCase(Locale.ROOT));
  }

  /** The configured column, if any. */
  Optional<ColumnConfig> columnConfig(DataObject table, String column) {
    return table.column(column);
  }

  /** The join specs between two tables, in either direction. */
  List<JoinSpec> joinSpecs(DataObject a, DataObject b) {
    String x = Catalog.normalize(a.identifier());
    String y = Catalog.normalize(b.identifier());
    return space.joinSpecs().stream()
        .filter(j -> j.left() != null && j.right() != null)
        .filter(j -> {
          String l = Catalog.normalize(j.left().identifier());
          String r = Catalog.normalize(j.right().identifier());
          return l.equals(x) && r.equals(y) || l.equals(y) && r.equals(x);
        })
        .toList();
  }

  /** Whether a snippet with this SQL (ignoring case and spacing) or this display name already exists. */
  boolean hasSnippet(String sql, String displayName) {
    for (SnippetKind kind : SnippetKind.values()) {
      for (SqlSnippet s : space.sqlSnippets().of(kind)) {
        if (squash(s.sqlText()).equals(squash(sql))
            || s.displayName() != null && s.displayName().equalsIgnoreCase(displayName)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether an example question SQL with this SQL already exists. */
  boolean hasExampleSql(String sql) {
    return space.exampleQuestionSqls().stream().anyMatch(e -> squash(e.sqlText()).equals(squash(sql)));
  }

  static String squash(String s) {
    return s == null ? "" : s.replace("`", "").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }
}
