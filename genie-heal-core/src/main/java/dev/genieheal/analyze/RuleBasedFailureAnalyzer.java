package dev.genieheal.analyze;

import dev.genieheal.fix.ColumnDescriptionFix;
import dev.genieheal.fix.ColumnFlagsFix;
import dev.genieheal.fix.ColumnSynonymsFix;
import dev.genieheal.fix.ExampleSqlFix;
import dev.genieheal.fix.Fix;
import dev.genieheal.fix.JoinSpecFix;
import dev.genieheal.fix.RejectedFix;
import dev.genieheal.fix.SqlSnippetFix;
import dev.genieheal.fix.TableDescriptionFix;
import dev.genieheal.port.SqlExecutor;
import dev.genieheal.port.TokenUsage;
import dev.genieheal.score.QuestionResult;
import dev.genieheal.space.Catalog;
import dev.genieheal.space.ColumnConfig;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.JoinSpec;
import dev.genieheal.space.Parameter;
import dev.genieheal.space.RelationshipType;
import dev.genieheal.space.SnippetKind;
import dev.genieheal.space.UnknownFields;
import dev.genieheal.sql.ReadOnlySqlGuard;
import dev.genieheal.sql.SqlDiff;
import dev.genieheal.sql.SqlNormalizer;
import dev.genieheal.sql.SqlStructure;
import dev.genieheal.sql.SqlStructure.Aggregate;
import dev.genieheal.sql.SqlStructure.ColumnRef;
import dev.genieheal.sql.SqlStructure.FilterPredicate;
import dev.genieheal.sql.SqlStructure.JoinPair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deterministic, LLM-free analyzer: categorises each failure, diffs the expected against the generated SQL and
 * turns what the expected SQL needed into typed fixes.
 *
 * <ul>
 *   <li><b>Join specs</b> for every equality join of the expected SQL between two space tables that have no spec
 *       (or, for a {@code wrong_join}, a spec on other columns, which is replaced). The relationship is measured
 *       with {@code SELECT COUNT(*), COUNT(DISTINCT key)} on both sides when an executor is given, otherwise
 *       inferred from key names ({@code id}, {@code <table>_id}) and stated as an assumption in the reason.
 *   <li><b>Column synonyms</b>: a question phrase that nothing in the space explains (not a stop word, table,
 *       column, synonym or snippet name, nor a filter value) is added as a synonym of a column the expected SQL
 *       reads and Genie did not.
 *   <li><b>Measure and filter snippets</b> for aggregates that are more than {@code f(column)} and for filters
 *       without a value in the question, named by such a phrase.
 *   <li><b>Entity matching</b> (with format assistance) on string columns the expected SQL filters by a value the
 *       question spells out.
 *   <li><b>Table and column descriptions</b> where the space has none, built only from the catalog (column names
 *       and types) and the phrases of the failing questions — no invented business facts.
 *   <li><b>Parameterized example SQL</b> when {@code minRecurrence} or more failures share one SQL template after
 *       their question values become {@code :params}; parameters get no default, so the example never reproduces
 *       a single benchmark, and the {@link LeakageGuard} checks it anyway.
 * </ul>
 *
 * <p>Naming thresholds: a phrase names a need (a column, aggregate or filter) when the failure has exactly one
 * need and one phrase, or the same number of both and each pair shares a word; otherwise, when the need recurs in
 * at least {@code minRecurrence} failures whose phrases have exactly one phrase in common, that phrase names it.
 *
 * <p>Nothing already in the space or in {@link AnalysisContext#rolledBack()} is proposed again. The output order
 * is deterministic (by fix kind, then target). Unparseable SQL makes a failure {@code unknown} and it is skipped;
 * the analyzer never throws for bad input. Thread-safe and immutable.
 */
public final class RuleBasedFailureAnalyzer implements FailureAnalyzer {
  private static final Logger LOG = LoggerFactory.getLogger(RuleBasedFailureAnalyzer.class);
  private static final Pattern DATE_LIKE = Pattern.compile(
      "\\d{4}-\\d{2}|interval|current_date|current_timestamp|now\\(|date_sub|date_add|add_months|year\\(|month\\(");

  private final boolean leakageGuard;
  private final int minRecurrence;
  private final boolean probeKeys;
  private final FailureCategorizer categorizer = FailureCategorizer.create();

  private RuleBasedFailureAnalyzer(Builder b) {
    this.leakageGuard = b.leakageGuard;
    this.minRecurrence = b.minRecurrence;
    this.probeKeys = b.probeKeys;
  }

  /** An analyzer with the defaults (leakage guard on, recurrence 2, key probing on). */
  public static RuleBasedFailureAnalyzer create() {
    return builder().build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this analyzer's settings. */
  public Builder toBuilder() {
    return new Builder().leakageGuard(leakageGuard).minRecurrence(minRecurrence).probeKeys(probeKeys);
  }

  @Override
  public Analysis analyze(AnalysisContext context) {
    return new Run(context).analyze();
  }

  /** Stable identity of a fix's target, used to merge proposals and to skip rolled-back ones. */
  static String key(Fix fix) {
    if (fix instanceof ColumnSynonymsFix f) {
      return "synonyms:" + Catalog.normalize(f.table()) + "." + lower(f.column());
    }
    if (fix instanceof JoinSpecFix f) {
      String a = Catalog.normalize(f.leftTable()) + "." + lower(f.leftColumn());
      String b = Catalog.normalize(f.rightTable()) + "." + lower(f.rightColumn());
      return "join:" + (a.compareTo(b) < 0 ? a + "=" + b : b + "=" + a);
    }
    if (fix instanceof SqlSnippetFix f) {
      return "snippet:" + f.kind() + ":" + SpaceIndex.squash(f.sql());
    }
    if (fix instanceof ColumnFlagsFix f) {
      return "flags:" + Catalog.normalize(f.table()) + "." + lower(f.column());
    }
    if (fix instanceof TableDescriptionFix f) {
      return "table_description:" + Catalog.normalize(f.table());
    }
    if (fix instanceof ColumnDescriptionFix f) {
      return "column_description:" + Catalog.normalize(f.table()) + "." + lower(f.column());
    }
    if (fix instanceof ExampleSqlFix f) {
      return "example:" + SpaceIndex.squash(f.sql());
    }
    return fix.type() + ":" + fix;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** One analysed failure. */
  private record Failure(
      String id, String question, String expectedSql, Categorization category, SqlStructure expected,
      SqlStructure generated, SqlDiff diff, List<String> phrases) {}

  /** Something a failure needed that a phrase may name: a column, an aggregate or a filter. */
  private record Need(String key, String kind, DataObject table, String column, String sql, Set<String> words) {}

  /** The state of one {@link #analyze} call. */
  private final class Run {
    private final AnalysisContext context;
    private final SpaceIndex index;
    private final SqlExecutor executor;
    private final Set<String> rolledBack = new java.util.HashSet<>();
    private final Map<String, Boolean> uniqueness = new HashMap<>();
    private final Map<String, Fix> proposals = new TreeMap<>();
    private final Map<String, Set<String>> idsByKey = new HashMap<>();
    private final Map<String, Set<String>> termsByKey = new TreeMap<>();
    private final List<RejectedFix> rejected = new ArrayList<>();

    Run(AnalysisContext context) {
      this.context = context;
      this.executor = context.executor();
      Catalog catalog = context.catalogIfKnown()
          .or(() -> context.executorIfKnown().flatMap(SqlExecutor::catalog))
          .orElse(null);
      this.index = new SpaceIndex(context.space(), catalog);
      for (Fix fix : context.rolledBack()) {
        rolledBack.add(key(fix));
        if (fix instanceof ColumnSynonymsFix s) {
          s.synonyms().forEach(t -> rolledBack.add(key(fix) + "#" + lower(t)));
        }
      }
    }

    Analysis analyze() {
      List<Failure> failures = new ArrayList<>();
      List<QuestionResult> sorted = context.failures().stream()
          .sorted(Comparator.comparing(r -> r.benchmark().id())).toList();
      for (QuestionResult result : sorted) {
        try {
          failures.add(read(result));
        } catch (RuntimeException e) {
          // A failure the rules cannot read is left to the next analyzer; it must never stop the loop.
          LOG.debug("rule-based analyzer skipped benchmark {}: {}", result.benchmark().id(), e.toString());
        }
      }
      Map<String, List<Failure>> needs = new TreeMap<>();
      Map<String, Need> needByKey = new HashMap<>();
      Map<String, Map<String, String>> named = new TreeMap<>();
      for (Failure f : failures) {
        if (f.expected() == null) {
          continue;
        }
        joins(f);
        entityMatching(f);
        List<Need> own = needs(f);
        own.forEach(n -> {
          needs.computeIfAbsent(n.key(), k -> new ArrayList<>()).add(f);
          needByKey.putIfAbsent(n.key(), n);
        });
        assign(own, f.phrases()).forEach((needKey, phrase) ->
            named.computeIfAbsent(needKey, k -> new TreeMap<>()).put(f.id(), phrase));
      }
      for (Map.Entry<String, List<Failure>> e : needs.entrySet()) {
        Need need = needByKey.get(e.getKey());
        Map<String, String> phrases = named.getOrDefault(e.getKey(), new TreeMap<>());
        if (phrases.isEmpty() && e.getValue().size() >= minRecurrence) {
          Set<String> common = new LinkedHashSet<>(e.getValue().get(0).phrases());
          e.getValue().forEach(f -> common.retainAll(f.phrases()));
          if (common.size() == 1) {
            String phrase = common.iterator().next();
            e.getValue().forEach(f -> phrases.put(f.id(), phrase));
          }
        }
        if (!phrases.isEmpty()) {
          named(need, phrases);
        }
      }
      for (Failure f : failures) {
        if (f.expected() != null) {
          descriptions(f);
        }
      }
      examples(failures);
      return finish();
    }

    private Failure read(QuestionResult result) {
      Categorization category = categorizer.categorize(result);
      SqlStructure expected = SqlStructure.parse(result.benchmark().expectedSql()).orElse(null);
      SqlStructure generated = result.representative().answer().hasSql()
          ? SqlStructure.parse(result.representative().answer().sql()).orElse(null) : null;
      SqlDiff diff = expected != null && generated != null ? SqlDiff.between(expected, generated) : null;
      String question = result.benchmark().question();
      Set<String> valueWords = new java.util.HashSet<>();
      if (expected != null) {
        for (FilterPredicate p : expected.filters()) {
          p.values().forEach(v -> QuestionTerms.words(v).forEach(valueWords::add));
        }
      }
      List<String> phrases = QuestionTerms.unexplainedPhrases(question,
          w -> index.explains(w) || valueWords.contains(w), index::explainsName);
      return new Failure(result.benchmark().id(), question, result.benchmark().expectedSql(), category, expected,
          generated, diff, phrases);
    }

    // ---- joins ----------------------------------------------------------------------------------------------

    private void joins(Failure f) {
      for (JoinPair pair : f.expected().joins()) {
        Optional<DataObject> a = index.table(pair.left().table());
        Optional<DataObject> b = index.table(pair.right().table());
        if (a.isEmpty() || b.isEmpty() || a.get() == b.get()) {
          continue;
        }
        boolean aFirst = position(f.expected(), pair.left()) <= position(f.expected(), pair.right());
        DataObject left = aFirst ? a.get() : b.get();
        DataObject right = aFirst ? b.get() : a.get();
        String leftColumn = aFirst ? pair.left().column() : pair.right().column();
        String rightColumn = aFirst ? pair.right().column() : pair.left().column();
        List<JoinSpec> existing = index.joinSpecs(left, right);
        String replaces = null;
        if (!existing.isEmpty()) {
          boolean same = existing.stream()
              .anyMatch(j -> conditionJoins(j, left, leftColumn, right, rightColumn));
          if (same || f.category().category() != FailureCategory.WRONG_JOIN) {
            continue;
          }
          replaces = existing.get(0).id();
        }
        Relationship rel = relationship(left, leftColumn, right, rightColumn);
        String comment = rel.type().name().replace('_', '-') + ": " + describe(rel.type(), left, right);
        String reason = "the expected SQL joins " + left.shortName() + "." + leftColumn + " = " + right.shortName()
            + "." + rightColumn + (replaces == null ? " and the space declares no join between these tables"
                : " but the space's join spec " + replaces + " uses other columns")
            + "; relationship " + rel.note();
        propose(new JoinSpecFix(left.identifier(), leftColumn, right.identifier(), rightColumn, rel.type(),
            comment, replaces, reason, List.of()), f.id());
      }
    }

    private int position(SqlStructure s, ColumnRef ref) {
      for (int i = 0; i < s.tables().size(); i++) {
        if (s.tables().get(i).shortName().equals(ref.shortTable())) {
          return i;
        }
      }
      return Integer.MAX_VALUE;
    }

    /** Whether the spec's condition equates exactly these two columns, each on its own table's alias. */
    private boolean conditionJoins(JoinSpec spec, DataObject left, String leftColumn, DataObject right,
        String rightColumn) {
      String condition = spec.condition().map(c -> c.replace("`", "").replaceAll("\\s+", "")
          .toLowerCase(Locale.ROOT)).orElse("");
      String l = alias(spec, left) + "." + lower(leftColumn);
      String r = alias(spec, right) + "." + lower(rightColumn);
      return condition.equals(l + "=" + r) || condition.equals(r + "=" + l);
    }

    private String alias(JoinSpec spec, DataObject table) {
      String id = Catalog.normalize(table.identifier());
      if (spec.left() != null && Catalog.normalize(spec.left().identifier()).equals(id)
          && spec.left().alias() != null) {
        return lower(spec.left().alias().replace("`", ""));
      }
      if (spec.right() != null && spec.right().alias() != null) {
        return lower(spec.right().alias().replace("`", ""));
      }
      return lower(table.shortName());
    }

    private record Relationship(RelationshipType type, String note) {}

    private Relationship relationship(DataObject left, String leftColumn, DataObject right, String rightColumn) {
      Optional<Boolean> lu = measuredUnique(left, leftColumn);
      Optional<Boolean> ru = measuredUnique(right, rightColumn);
      if (lu.isPresent() && ru.isPresent()) {
        return new Relationship(type(lu.get(), ru.get()), "measured: " + left.shortName() + "." + leftColumn
            + (lu.get() ? " is" : " is not") + " unique, " + right.shortName() + "." + rightColumn
            + (ru.get() ? " is" : " is not") + " unique");
      }
      boolean l = looksLikeKey(left, leftColumn);
      boolean r = looksLikeKey(right, rightColumn);
      if (!l && !r) {
        r = true; // the usual fact-to-dimension shape; said so below
      }
      return new Relationship(type(l, r), "assumed from key names, not measured (no SQL executor): "
          + (r ? right.shortName() + "." + rightColumn : left.shortName() + "." + leftColumn)
          + " taken as the unique key");
    }

    private RelationshipType type(boolean leftUnique, boolean rightUnique) {
      if (leftUnique && rightUnique) {
        return RelationshipType.ONE_TO_ONE;
      }
      if (rightUnique) {
        return RelationshipType.MANY_TO_ONE;
      }
      return leftUnique ? RelationshipType.ONE_TO_MANY : RelationshipType.MANY_TO_MANY;
    }

    private String describe(RelationshipType type, DataObject left, DataObject right) {
      return switch (type) {
        case MANY_TO_ONE -> "each " + left.shortName() + " row matches at most one " + right.shortName() + " row";
        case ONE_TO_MANY -> "each " + right.shortName() + " row matches at most one " + left.shortName() + " row";
        case ONE_TO_ONE -> "each " + left.shortName() + " row matches at most one " + right.shortName()
            + " row and the reverse";
        default -> "rows of " + left.shortName() + " and " + right.shortName() + " can match many on both sides";
      };
    }

    private boolean looksLikeKey(DataObject table, String column) {
      String c = lower(column);
      String t = lower(table.shortName());
      String s = QuestionTerms.singular(t);
      return c.equals("id") || c.equals(t + "_id") || c.equals(s + "_id") || c.equals(s + "_key")
          || c.equals(s + "id");
    }

    private Optional<Boolean> measuredUnique(DataObject table, String column) {
      if (executor == null || !probeKeys) {
        return Optional.empty();
      }
      String k = Catalog.normalize(table.identifier()) + "." + lower(column);
      if (uniqueness.containsKey(k)) {
        return Optional.of(uniqueness.get(k));
      }
      String quotedTable = "`" + table.identifier().replace("`", "").replace(".", "`.`") + "`";
      String sql = "SELECT COUNT(*) AS row_count, COUNT(DISTINCT `" + column.replace("`", "") + "`) AS key_count"
          + " FROM " + quotedTable;
      try {
        List<Object> row = executor.execute(ReadOnlySqlGuard.check(sql)).rows().get(0);
        boolean unique = number(row.get(0)) == number(row.get(1));
        uniqueness.put(k, unique);
        return Optional.of(unique);
      } catch (RuntimeException e) {
        LOG.debug("key probe failed for {}: {}", k, e.toString());
        return Optional.empty();
      }
    }

    private long number(Object value) {
      if (value instanceof Number n) {
        return n.longValue();
      }
      return Long.parseLong(String.valueOf(value).trim());
    }

    // ---- entity matching ------------------------------------------------------------------------------------

    private void entityMatching(Failure f) {
      List<FilterPredicate> filters = f.diff() != null ? f.diff().missingFilters() : f.expected().filters();
      for (FilterPredicate p : filters) {
        if (p.column() == null || !Set.of("=", "in", "or", "like", "ilike").contains(p.operator())) {
          continue;
        }
        List<String> mentioned = p.values().stream()
            .filter(v -> !v.startsWith(":") && !v.matches("[-0-9.]+") && QuestionTerms.mentions(f.question(), v))
            .toList();
        if (mentioned.isEmpty()) {
          continue;
        }
        Optional<DataObject> table = index.table(p.column().table());
        if (table.isEmpty() || !hasColumn(table.get(), p.column().column())) {
          continue;
        }
        String type = index.columnType(table.get(), p.column().column()).orElse("STRING");
        boolean stringColumn = type.contains("STRING") || type.contains("CHAR") || type.contains("TEXT");
        boolean alreadyOn = index.columnConfig(table.get(), p.column().column())
            .map(ColumnConfig::entityMatching).orElse(false);
        if (!stringColumn || alreadyOn) {
          continue;
        }
        String column = realColumn(table.get(), p.column().column());
        propose(new ColumnFlagsFix(table.get().identifier(), column, true, true, null,
            "the question names the value(s) " + mentioned + " that the expected SQL filters "
                + table.get().shortName() + "." + column + " by; entity matching lets Genie map them to the column",
            List.of()), f.id());
      }
    }

    // ---- synonyms and snippets ------------------------------------------------------------------------------

    private List<Need> needs(Failure f) {
      List<Need> out = new ArrayList<>();
      SqlStructure e = f.expected();
      List<Aggregate> aggregates = f.diff() != null ? f.diff().missingAggregates() : e.aggregates();
      Set<String> columnKeys = new LinkedHashSet<>();
      for (Aggregate a : aggregates) {
        if (a.function().equals("measure")) {
          continue;
        }
        boolean simple = a.columns().size() == 1
            && a.argument().equals(a.columns().get(0).shortTable() + "." + a.columns().get(0).column());
        if (simple || a.columns().isEmpty()) {
          continue;
        }
        out.add(new Need("measure:" + a.expression(), "measure", null, null, qualify(a.expression(), e),
            columnWords(a.columns())));
      }
      List<FilterPredicate> filters = f.diff() != null ? f.diff().missingFilters() : e.filters();
      for (FilterPredicate p : filters) {
        boolean valueInQuestion = p.values().stream().anyMatch(v -> QuestionTerms.mentions(f.question(), v));
        boolean dateLike = DATE_LIKE.matcher(p.expression()).find();
        boolean parameter = p.values().stream().anyMatch(v -> v.startsWith(":"));
        if (valueInQuestion || dateLike || parameter || p.expression().contains("select ")
            || aggregates(p.expression())) {
          continue;
        }
        out.add(new Need("filter:" + p.expression(), "filter", null, null, qualify(p.expression(), e),
            p.column() == null ? Set.of() : columnWords(List.of(p.column()))));
      }
      List<ColumnRef> columns = f.diff() != null ? f.diff().missingColumns() : e.columns();
      for (ColumnRef c : columns) {
        // A column is named by a question when it is selected, grouped by or simply aggregated; columns inside
        // a larger expression belong to that expression's measure, and join keys and filter columns are
        // covered by join specs, entity matching and filter snippets.
        String bare = c.shortTable() + "." + c.column();
        boolean named = e.aggregates().stream().anyMatch(a -> a.argument().equals(bare))
            || e.selectItems().stream().anyMatch(s -> s.equals(bare) || s.startsWith(bare + " as "))
            || e.groupBy().stream().anyMatch(bare::equals);
        if (!named) {
          continue;
        }
        Optional<DataObject> table = index.table(c.table());
        if (table.isEmpty() || !hasColumn(table.get(), c.column()) || !columnKeys.add(c.toString())) {
          continue;
        }
        out.add(new Need("column:" + Catalog.normalize(table.get().identifier()) + "." + c.column(), "column",
            table.get(), realColumn(table.get(), c.column()), null, columnWords(List.of(c))));
      }
      return out;
    }

    private boolean aggregates(String expression) {
      return expression.matches("(?s).*\\b(sum|avg|count|min|max)\\(.*");
    }

    private Set<String> columnWords(List<ColumnRef> columns) {
      Set<String> words = new java.util.HashSet<>();
      for (ColumnRef c : columns) {
        for (String w : c.column().split("_")) {
          words.add(QuestionTerms.singular(w));
        }
      }
      return words;
    }

    /** Pairs needs with phrases when the pairing is unambiguous (see the class comment). */
    private Map<String, String> assign(List<Need> needs, List<String> phrases) {
      Map<String, String> out = new TreeMap<>();
      if (needs.isEmpty() || phrases.isEmpty()) {
        return out;
      }
      if (needs.size() == 1 && phrases.size() == 1) {
        out.put(needs.get(0).key(), phrases.get(0));
        return out;
      }
      if (needs.size() == phrases.size()) {
        List<String> left = new ArrayList<>(phrases);
        for (Need n : needs) {
          List<String> sharing = left.stream().filter(p -> QuestionTerms.words(p).stream()
              .map(QuestionTerms::singular).anyMatch(n.words()::contains)).toList();
          if (sharing.size() == 1) {
            out.put(n.key(), sharing.get(0));
            left.remove(sharing.get(0));
          }
        }
        if (out.size() == needs.size() - 1 && left.size() == 1) {
          needs.stream().filter(n -> !out.containsKey(n.key())).findFirst()
              .ifPresent(n -> out.put(n.key(), left.get(0)));
        }
      }
      return out;
    }

    private void named(Need need, Map<String, String> phraseById) {
      Set<String> phrases = new TreeSet<>(phraseById.values());
      String first = phrases.iterator().next();
      List<String> ids = List.copyOf(phraseById.keySet());
      switch (need.kind()) {
        case "column" -> {
          ColumnConfig config = index.columnConfig(need.table(), need.column()).orElse(null);
          List<String> terms = phrases.stream()
              .filter(p -> config == null || config.synonyms().stream().noneMatch(p::equalsIgnoreCase))
              .filter(p -> !p.replace(' ', '_').equalsIgnoreCase(need.column()))
              .toList();
          if (!terms.isEmpty()) {
            String k = "synonyms:" + Catalog.normalize(need.table().identifier()) + "." + lower(need.column());
            terms.stream().filter(t -> !rolledBack.contains(k + "#" + lower(t)))
                .forEach(t -> termsByKey.computeIfAbsent(k, x -> new TreeSet<>()).add(t));
            Set<String> accepted = termsByKey.getOrDefault(k, Set.of());
            if (!accepted.isEmpty()) {
              propose(new ColumnSynonymsFix(need.table().identifier(), need.column(), List.copyOf(accepted),
                  "the question(s) say " + quoted(accepted) + " for " + need.table().shortName() + "."
                      + need.column() + ", which the expected SQL reads and Genie did not use",
                  List.of()), ids.toArray(String[]::new));
              columnDescription(need, accepted, ids);
            }
          }
        }
        case "measure", "filter" -> {
          SnippetKind kind = need.kind().equals("measure") ? SnippetKind.MEASURE : SnippetKind.FILTER;
          if (index.hasSnippet(need.sql(), first)) {
            return;
          }
          List<String> synonyms = phrases.stream().skip(1).toList();
          String alias = kind == SnippetKind.MEASURE ? first.replaceAll("[^a-z0-9]+", "_") : null;
          propose(new SqlSnippetFix(kind, need.sql(), alias, first, synonyms,
              "Use when a question asks for " + quoted(phrases) + ".",
              "the question(s) ask for " + quoted(phrases) + ", which the expected SQL computes as "
                  + need.sql() + " and Genie did not",
              List.of()), ids.toArray(String[]::new));
        }
        default -> { }
      }
    }

    private void columnDescription(Need need, Set<String> terms, List<String> ids) {
      ColumnConfig config = index.columnConfig(need.table(), need.column()).orElse(null);
      if (config != null && !config.descriptionText().isBlank()) {
        return;
      }
      String type = index.columnType(need.table(), need.column()).map(t -> " (" + t + ")").orElse("");
      String description = "Column " + need.column() + type + " of " + need.table().shortName()
          + ". Questions refer to it as " + quoted(terms) + ".";
      propose(new ColumnDescriptionFix(need.table().identifier(), need.column(), description, false,
          "the column has no description and failing questions did not find it", List.of()),
          ids.toArray(String[]::new));
    }

    // ---- descriptions ---------------------------------------------------------------------------------------

    private void descriptions(Failure f) {
      Set<FailureCategory> structural = Set.of(FailureCategory.MISSING_TABLE, FailureCategory.MISSING_JOIN,
          FailureCategory.MISSING_COLUMN, FailureCategory.NO_SQL_GENERATED);
      if (!structural.contains(f.category().category())) {
        return;
      }
      for (SqlStructure.TableRef ref : f.expected().tables()) {
        Optional<DataObject> table = index.table(ref.name());
        if (table.isEmpty() || !table.get().descriptionText().isBlank()) {
          continue;
        }
        String k = "table_description:" + Catalog.normalize(table.get().identifier());
        Set<String> terms = termsByKey.computeIfAbsent(k, x -> new TreeSet<>());
        terms.addAll(f.phrases());
        StringBuilder d = new StringBuilder("Table ").append(table.get().shortName()).append(" (")
            .append(table.get().identifier()).append(").");
        List<String> columns = index.columnNames(table.get());
        if (!columns.isEmpty()) {
          d.append(" Columns: ").append(String.join(", ", columns.stream().map(c -> c
              + index.columnType(table.get(), c).map(t -> " " + t).orElse("")).toList())).append('.');
        }
        if (!terms.isEmpty()) {
          d.append(" Use it for questions about ").append(quoted(terms)).append('.');
        }
        propose(new TableDescriptionFix(table.get().identifier(), d.toString(), false,
            "the table has no description and questions needing it failed ("
                + f.category().category().id() + ")", List.of()), f.id());
      }
    }

    // ---- parameterized examples -----------------------------------------------------------------------------

    private record Template(String question, String sql, List<Parameter> parameters) {}

    private void examples(List<Failure> failures) {
      Map<String, List<Failure>> byTemplate = new TreeMap<>();
      Map<String, Template> templates = new HashMap<>();
      for (Failure f : failures) {
        if (f.expected() == null) {
          continue;
        }
        template(f).ifPresent(t -> SqlNormalizer.normalize(t.sql()).ifPresent(key -> {
          byTemplate.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
          templates.putIfAbsent(key, t);
        }));
      }
      for (Map.Entry<String, List<Failure>> e : byTemplate.entrySet()) {
        if (e.getValue().size() < Math.max(2, minRecurrence)) {
          continue;
        }
        Template t = templates.get(e.getKey());
        if (index.hasExampleSql(t.sql()) || ReadOnlySqlGuard.violation(t.sql()).isPresent()) {
          continue;
        }
        List<String> ids = e.getValue().stream().map(Failure::id).toList();
        String params = t.parameters().stream().map(p -> ":" + p.name()).reduce((a, b) -> a + ", " + b).orElse("");
        propose(new ExampleSqlFix(t.question(), t.sql(), t.parameters(),
            "Use for questions of the form \"" + t.question() + "\" with any value of " + params + ".",
            ids.size() + " failing questions share this query pattern with different values", List.of()),
            ids.toArray(String[]::new));
      }
    }

    private Optional<Template> template(Failure f) {
      String question = f.question();
      String templateSql = f.expectedSql();
      List<Parameter> parameters = new ArrayList<>();
      for (FilterPredicate p : f.expected().filters()) {
        if (p.column() == null) {
          continue;
        }
        for (String value : p.values()) {
          if (value.startsWith(":") || !QuestionTerms.mentions(question, value)) {
            continue;
          }
          String literal = "'" + value.replace("'", "''") + "'";
          if (!templateSql.contains(literal)) {
            continue;
          }
          String name = p.column().column().replaceAll("[^a-z0-9_]", "_");
          if (parameters.stream().anyMatch(x -> x.name().equals(name))) {
            continue;
          }
          templateSql = templateSql.replace(literal, ":" + name);
          question = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])" + Pattern.quote(value) + "(?![\\p{L}\\p{N}])")
              .matcher(question).replaceAll(Matcher.quoteReplacement(":" + name));
          parameters.add(new Parameter(name, "STRING",
              // ArrayList, not List.of: the space model's list copy probes for null elements.
              new ArrayList<>(List.of("A value of " + p.column().shortTable() + "." + p.column().column())),
              List.of(),
              UnknownFields.none()));
        }
      }
      return parameters.isEmpty() ? Optional.empty() : Optional.of(new Template(question, templateSql, parameters));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private boolean hasColumn(DataObject table, String column) {
      List<String> names = index.columnNames(table);
      return names.isEmpty() || names.stream().anyMatch(n -> n.equalsIgnoreCase(column));
    }

    private String realColumn(DataObject table, String column) {
      return index.columnNames(table).stream().filter(n -> n.equalsIgnoreCase(column)).findFirst().orElse(column);
    }

    /**
     * Keeps the short table qualifiers of a structure text (snippets are written with the table's short name, the
     * alias Genie's generated SQL and the join specs use), except where two space tables share a short name: those
     * get the full identifier.
     */
    private String qualify(String text, SqlStructure structure) {
      String out = text;
      for (SqlStructure.TableRef ref : structure.tables()) {
        Optional<DataObject> table = index.table(ref.name());
        boolean ambiguous = table.isPresent() && context.space().dataObjects().stream()
            .filter(o -> o.identifier() != null && o.shortName().equalsIgnoreCase(table.get().shortName()))
            .count() > 1;
        if (ambiguous) {
          out = out.replaceAll("(?<![\\w.`])" + Pattern.quote(ref.shortName()) + "\\.",
              Matcher.quoteReplacement(table.get().identifier() + "."));
        }
      }
      return out;
    }

    private String quoted(Set<String> terms) {
      return terms.stream().map(t -> "\"" + t + "\"").reduce((a, b) -> a + ", " + b).orElse("");
    }

    private void propose(Fix fix, String... benchmarkIds) {
      String k = key(fix);
      if (rolledBack.contains(k) && !(fix instanceof ColumnSynonymsFix)) {
        return;
      }
      Set<String> ids = idsByKey.computeIfAbsent(k, x -> new TreeSet<>());
      ids.addAll(List.of(benchmarkIds));
      proposals.put(k, withIds(fix, List.copyOf(ids)));
    }

    private Fix withIds(Fix fix, List<String> ids) {
      if (fix instanceof ColumnSynonymsFix f) {
        return new ColumnSynonymsFix(f.table(), f.column(), f.synonyms(), f.reason(), ids);
      }
      if (fix instanceof JoinSpecFix f) {
        return new JoinSpecFix(f.leftTable(), f.leftColumn(), f.rightTable(), f.rightColumn(), f.relationship(),
            f.comment(), f.replacesId(), f.reason(), ids);
      }
      if (fix instanceof SqlSnippetFix f) {
        return new SqlSnippetFix(f.kind(), f.sql(), f.alias(), f.displayName(), f.synonyms(), f.instruction(),
            f.reason(), ids);
      }
      if (fix instanceof ColumnFlagsFix f) {
        return new ColumnFlagsFix(f.table(), f.column(), f.formatAssistance(), f.entityMatching(), f.exclude(),
            f.reason(), ids);
      }
      if (fix instanceof TableDescriptionFix f) {
        return new TableDescriptionFix(f.table(), f.description(), f.replace(), f.reason(), ids);
      }
      if (fix instanceof ColumnDescriptionFix f) {
        return new ColumnDescriptionFix(f.table(), f.column(), f.description(), f.replace(), f.reason(), ids);
      }
      if (fix instanceof ExampleSqlFix f) {
        return new ExampleSqlFix(f.question(), f.sql(), f.parameters(), f.usageGuidance(), f.reason(), ids);
      }
      return fix;
    }

    private Analysis finish() {
      List<String> order = List.of("join:", "synonyms:", "snippet:", "flags:", "table_description:",
          "column_description:", "example:");
      List<Fix> proposed = new ArrayList<>();
      LeakageGuard guard = LeakageGuard.of(context.benchmarks());
      for (String prefix : order) {
        for (Map.Entry<String, Fix> e : proposals.entrySet()) {
          if (!e.getKey().startsWith(prefix)) {
            continue;
          }
          Optional<String> leak = leakageGuard ? guard.check(e.getValue()) : Optional.empty();
          if (leak.isPresent()) {
            rejected.add(RejectedFix.of(e.getValue(), "leakage: " + leak.get()));
          } else {
            proposed.add(e.getValue());
          }
        }
      }
      return new Analysis(proposed, rejected, TokenUsage.NONE);
    }
  }

  /**
   * Builds a {@link RuleBasedFailureAnalyzer}. Defaults: leakage guard on, {@code minRecurrence} 2, key probing
   * on. Not thread-safe.
   */
  public static final class Builder {
    private boolean leakageGuard = true;
    private int minRecurrence = 2;
    private boolean probeKeys = true;

    private Builder() {}

    /** Whether example proposals that copy a benchmark are rejected (default true). */
    public Builder leakageGuard(boolean enabled) {
      this.leakageGuard = enabled;
      return this;
    }

    /**
     * How many failures must share an ambiguously named need or a query template before the rules act on it
     * (default 2).
     *
     * @throws IllegalArgumentException when below 1
     */
    public Builder minRecurrence(int failures) {
      if (failures < 1) {
        throw new IllegalArgumentException("minRecurrence must be at least 1: " + failures);
      }
      this.minRecurrence = failures;
      return this;
    }

    /** Whether join key uniqueness is measured through the context's executor when there is one (default true). */
    public Builder probeKeys(boolean enabled) {
      this.probeKeys = enabled;
      return this;
    }

    /** The analyzer. */
    public RuleBasedFailureAnalyzer build() {
      return new RuleBasedFailureAnalyzer(this);
    }
  }
}
