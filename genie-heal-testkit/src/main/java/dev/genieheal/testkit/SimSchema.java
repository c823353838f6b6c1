package dev.genieheal.testkit;

import dev.genieheal.space.Catalog;
import dev.genieheal.space.ColumnConfig;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.JoinSpec;
import dev.genieheal.space.SnippetKind;
import dev.genieheal.space.SqlSnippet;
import dev.genieheal.space.TableSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link SimulatedGenie} knows about one space: its tables (columns from the catalog, settings from the space),
 * snippets, join specs and the phrases that name each of them. Built per question from the current space; immutable.
 */
final class SimSchema {
  private static final Pattern QUALIFIED = Pattern.compile("`?(\\w+)`?\\s*\\.\\s*`?(\\w+)`?");

  /** A table the space can query; compared by identity, since its columns point back at it. */
  static final class Table {
    private final String identifier;
    private final String alias;
    private final List<Column> columns;

    Table(String identifier, String alias, List<Column> columns) {
      this.identifier = identifier;
      this.alias = alias;
      this.columns = columns;
    }

    String identifier() {
      return identifier;
    }

    String alias() {
      return alias;
    }

    List<Column> columns() {
      return columns;
    }

    /** The column that names a row: the first string column with "name" in it, else the first string column. */
    Optional<Column> labelColumn() {
      return columns.stream().filter(c -> c.isString() && c.name().toLowerCase(Locale.ROOT).contains("name"))
          .findFirst().or(() -> columns.stream().filter(Column::isString).findFirst());
    }

    /** The first date or timestamp column. */
    Optional<Column> dateColumn() {
      return columns.stream().filter(Column::isTemporal).findFirst();
    }
  }

  /** A column Genie may use (not excluded). Its table is compared by identity. */
  record Column(Table table, String name, String type, ColumnConfig config) {
    boolean isNumeric() {
      String t = type.toUpperCase(Locale.ROOT);
      return t.startsWith("INT") || t.startsWith("BIGINT") || t.startsWith("SMALLINT") || t.startsWith("TINYINT")
          || t.startsWith("DECIMAL") || t.startsWith("DOUBLE") || t.startsWith("FLOAT") || t.startsWith("LONG");
    }

    /** Numeric and not a key: what "total" or "average" plausibly means. */
    boolean isMeasure() {
      String n = name.toLowerCase(Locale.ROOT);
      return isNumeric() && !n.equals("id") && !n.endsWith("_id") && !n.endsWith("_key");
    }

    boolean isTemporal() {
      String t = type.toUpperCase(Locale.ROOT);
      return t.startsWith("DATE") || t.startsWith("TIMESTAMP");
    }

    boolean isString() {
      String t = type.toUpperCase(Locale.ROOT);
      return t.equals("STRING") || t.startsWith("VARCHAR") || t.startsWith("CHAR");
    }

    boolean entityMatching() {
      return config != null && config.entityMatching();
    }

    String ref() {
      return "`" + table.alias() + "`.`" + name + "`";
    }

    String key() {
      return table.identifier() + "." + name;
    }
  }

  /** A snippet and the tables its SQL refers to. */
  record Snippet(SnippetKind kind, SqlSnippet snippet, Set<Table> tables) {
    String sql() {
      return snippet.sqlText().strip();
    }

    String alias() {
      String a = snippet.alias() != null && !snippet.alias().isBlank() ? snippet.alias() : snippet.displayName();
      return a == null ? "value" : a.strip().replaceAll("\\W+", "_").toLowerCase(Locale.ROOT);
    }
  }

  /** How strongly a phrase names something: lower is stronger. */
  enum Tier { SNIPPET, SYNONYM, NAME, TABLE, DESCRIPTION }

  /** One thing a phrase may name: a column, a table or a snippet. */
  record Candidate(Tier tier, Column column, Table table, Snippet snippet) {}

  final List<Table> tables;
  final List<JoinSpec> joins;
  private final Map<String, List<Candidate>> byPhrase = new HashMap<>();
  private final List<Column> described = new ArrayList<>();
  private final int longestPhrase;

  SimSchema(GenieSpace space, Catalog catalog) {
    List<Table> ts = new ArrayList<>();
    for (DataObject o : space.dataObjects()) {
      if (o == null || o.identifier() == null) {
        continue;
      }
      Optional<TableSchema> schema = catalog.table(o.identifier());
      if (schema.isEmpty()) {
        continue;
      }
      List<Column> cols = new ArrayList<>();
      Table t = new Table(o.identifier().replace("`", ""), o.shortName(), cols);
      for (TableSchema.ColumnSchema c : schema.get().columns()) {
        ColumnConfig cc = o.column(c.name()).orElse(null);
        if (cc == null || !cc.excluded()) {
          cols.add(new Column(t, c.name(), c.type(), cc));
        }
      }
      ts.add(t);
    }
    ts.sort(Comparator.comparing(Table::identifier));
    this.tables = List.copyOf(ts);
    this.joins = space.joinSpecs().stream().filter(j -> j != null && j.left() != null && j.right() != null
        && j.condition().isPresent()).toList();
    int longest = 1;
    for (Table t : tables) {
      longest = Math.max(longest, add(t.alias().replace('_', ' '), new Candidate(Tier.TABLE, null, t, null)));
      for (Column c : t.columns()) {
        longest = Math.max(longest, add(c.name(), new Candidate(Tier.NAME, c, null, null)));
        longest = Math.max(longest, add(c.name().replace('_', ' '), new Candidate(Tier.NAME, c, null, null)));
        if (c.config() != null) {
          for (String s : c.config().synonyms()) {
            longest = Math.max(longest, add(s, new Candidate(Tier.SYNONYM, c, null, null)));
          }
          if (!c.config().descriptionText().isBlank()) {
            described.add(c);
          }
        }
      }
    }
    for (SnippetKind kind : SnippetKind.values()) {
      for (SqlSnippet s : space.sqlSnippets().of(kind)) {
        if (s == null || s.sqlText().isBlank()) {
          continue;
        }
        Snippet snip = new Snippet(kind, s, tablesOf(s.sqlText()));
        List<String> names = new ArrayList<>(s.synonyms());
        names.add(s.displayName());
        names.add(s.alias());
        for (String n : names) {
          if (n != null) {
            longest = Math.max(longest, add(n, new Candidate(Tier.SNIPPET, null, null, snip)));
          }
        }
      }
    }
    this.longestPhrase = Math.min(longest, 6);
  }

  /** The longest phrase, in words, that names anything. */
  int longestPhrase() {
    return longestPhrase;
  }

  /** The candidates a phrase (already stemmed words joined by spaces) names, strongest tier first. */
  List<Candidate> candidates(String phrase) {
    return byPhrase.getOrDefault(phrase, List.of());
  }

  /** Columns whose space description contains the phrase as whole words. */
  List<Column> describedBy(String phrase) {
    List<Column> out = new ArrayList<>();
    for (Column c : described) {
      if ((" " + Words.phrase(c.config().descriptionText()) + " ").contains(" " + phrase + " ")) {
        out.add(c);
      }
    }
    return out;
  }

  /** The tables a snippet's SQL refers to by alias or short name. */
  Set<Table> tablesOf(String sql) {
    Set<Table> out = new LinkedHashSet<>();
    Matcher m = QUALIFIED.matcher(sql);
    while (m.find()) {
      for (Table t : tables) {
        if (t.alias().equalsIgnoreCase(m.group(1))) {
          out.add(t);
        }
      }
    }
    return out;
  }

  Optional<Table> table(String identifier) {
    String wanted = Catalog.normalize(identifier);
    return tables.stream().filter(t -> Catalog.normalize(t.identifier()).equals(wanted)).findFirst();
  }

  private int add(String name, Candidate c) {
    String phrase = Words.phrase(name);
    if (phrase.isEmpty()) {
      return 0;
    }
    List<Candidate> list = byPhrase.computeIfAbsent(phrase, k -> new ArrayList<>());
    boolean dup = list.stream().anyMatch(x -> x.tier() == c.tier() && x.column() == c.column()
        && x.table() == c.table() && x.snippet() == c.snippet());
    if (!dup) {
      list.add(c);
      list.sort(Comparator.comparing(Candidate::tier));
    }
    return phrase.split(" ").length;
  }
}
