package dev.genieheal.testkit;

import dev.genieheal.space.ExampleQuestionSql;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.JoinSpec;
import dev.genieheal.space.Parameter;
import dev.genieheal.space.RelationshipType;
import dev.genieheal.testkit.SimSchema.Candidate;
import dev.genieheal.testkit.SimSchema.Column;
import dev.genieheal.testkit.SimSchema.Table;
import dev.genieheal.testkit.SimSchema.Tier;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one question into SQL for {@link SimulatedGenie}, using only the space's metadata and the catalog. The
 * grammar is documented on {@link SimulatedGenie}; this class is its implementation. Stateless apart from its inputs.
 */
final class SimPlanner {
  private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december");
  private static final Set<String> BUCKETS = Set.of("day", "week", "month", "quarter", "year");
  private static final Pattern PARAM = Pattern.compile("(?<![:\\w]):([A-Za-z_]\\w*)");

  /** What the planner decided: SQL, or no SQL with the reason Genie would give. */
  record Outcome(String sql, String text) {
    static Outcome noSql(String text) {
      return new Outcome(null, text);
    }
  }

  private final SimSchema schema;
  private final Function<Column, Map<String, String>> values;
  private final LocalDate today;

  SimPlanner(SimSchema schema, Function<Column, Map<String, String>> values, LocalDate today) {
    this.schema = schema;
    this.values = values;
    this.today = today;
  }

  // ---- example question SQL ---------------------------------------------------------------------------------

  /** The SQL of an example question the question matches, directly or as a {@code :param} template. */
  static Optional<String> exampleSql(GenieSpace space, String question) {
    String normalized = Questions.normalize(question);
    for (ExampleQuestionSql ex : space.exampleQuestionSqls()) {
      if (ex != null && !ex.sqlText().isBlank() && Questions.normalize(ex.questionText()).equals(normalized)) {
        Optional<String> filled = fill(ex, Map.of());
        if (filled.isPresent()) {
          return filled;
        }
      }
    }
    String text = question.strip().replaceAll("\\s+", " ").replaceAll("[?.!]+$", "").strip();
    for (ExampleQuestionSql ex : space.exampleQuestionSqls()) {
      if (ex == null || ex.sqlText().isBlank() || !ex.questionText().contains(":")) {
        continue;
      }
      Map<String, String> captured = matchTemplate(ex.questionText(), text);
      if (captured != null) {
        Optional<String> filled = fill(ex, captured);
        if (filled.isPresent()) {
          return filled;
        }
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> matchTemplate(String template, String question) {
    String t = template.strip().replaceAll("\\s+", " ").replaceAll("[?.!]+$", "").strip();
    Matcher m = PARAM.matcher(t);
    StringBuilder regex = new StringBuilder("(?i)");
    List<String> names = new ArrayList<>();
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(t.substring(last, m.start()))).append("(.+?)");
      names.add(m.group(1));
      last = m.end();
    }
    if (names.isEmpty()) {
      return null;
    }
    regex.append(Pattern.quote(t.substring(last)));
    Matcher q = Pattern.compile(regex.toString()).matcher(question);
    if (!q.matches()) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      out.put(names.get(i), q.group(i + 1).replaceAll("^['\"]|['\"]$", ""));
    }
    return out;
  }

  private static Optional<String> fill(ExampleQuestionSql ex, Map<String, String> captured) {
    String sql = ex.sqlText();
    Matcher m = PARAM.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      Parameter p = ex.parameters().stream().filter(x -> x != null && name.equals(x.name())).findFirst().orElse(null);
      String value = captured.get(name);
      if (value == null && p != null && !p.defaultValues().isEmpty()) {
        value = p.defaultValues().get(0);
      }
      if (value == null) {
        return Optional.empty();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(literal(value, p == null ? null : p.typeHint())));
    }
    m.appendTail(out);
    return Optional.of(out.toString());
  }

  private static String literal(String value, String typeHint) {
    String hint = typeHint == null ? "STRING" : typeHint.toUpperCase(Locale.ROOT);
    if (hint.matches("INT.*|BIGINT|LONG|SHORT|DOUBLE|FLOAT|DECIMAL.*|NUMBER|NUMERIC")
        && value.matches("-?\\d+(\\.\\d+)?")) {
      return value;
    }
    String quoted = "'" + value.replace("'", "''") + "'";
    return hint.equals("DATE") ? "DATE " + quoted : quoted;
  }

  // ---- the metadata-driven parse ----------------------------------------------------------------------------

  private enum Agg { SUM, AVG, COUNT, MAX, MIN }

  private record DateRange(LocalDate from, LocalDate until) {}

  /** A phrase of the question resolved to one thing of the schema. */
  private record Term(int pos, boolean afterMarker, Column column, Table table, SimSchema.Snippet snippet) {
    boolean isMeasureColumn() {
      return column != null && column.isMeasure();
    }
  }

  /** An expression and the tables it needs. */
  private record Expr(String sql, String alias, Set<Table> tables) {}

  private final class Parse {
    final List<String> words;
    final List<String> stems;
    final boolean[] used;
    final boolean[] marker;
    Agg agg;
    Boolean descending;
    Integer limit;
    DateRange dates;
    final List<String> buckets = new ArrayList<>();
    final List<Term> terms = new ArrayList<>();
    final List<Expr> entityFilters = new ArrayList<>();

    Parse(String question) {
      words = Words.split(question.replace('_', ' '));
      stems = new ArrayList<>();
      for (String w : words) {
        stems.add(Words.stem(w));
      }
      used = new boolean[words.size()];
      marker = new boolean[words.size() + 1];
    }

    String lower(int i) {
      return i >= 0 && i < words.size() ? words.get(i).toLowerCase(Locale.ROOT) : "";
    }

    void use(int from, int to) {
      for (int i = from; i < to && i < used.length; i++) {
        used[i] = true;
      }
    }
  }

  /** Plans the question; {@code noise} 0 is exact, 1 to 3 perturb the answer as a careless Genie would. */
  Outcome plan(String question, int noise) {
    Parse p = new Parse(question);
    // The space's own snippet names come first: "average order value" is a measure, not AVG of something.
    readTerms(p, true);
    readDates(p);
    readKeywords(p);
    readTerms(p, false);
    readEntities(p);
    readDescriptions(p);
    return build(p, noise);
  }

  private void readDates(Parse p) {
    for (int i = 0; i < p.words.size(); i++) {
      String w = p.lower(i);
      int month = MONTHS.indexOf(w);
      if (month < 0 && w.length() >= 3) {
        for (int k = 0; k < MONTHS.size(); k++) {
          if (w.length() == 3 && MONTHS.get(k).startsWith(w) && !w.equals("may") && !w.equals("mar")) {
            month = k;
          }
        }
      }
      if (month >= 0 && isYear(p.lower(i + 1))) {
        LocalDate from = LocalDate.of(Integer.parseInt(p.lower(i + 1)), month + 1, 1);
        p.dates = new DateRange(from, from.plusMonths(1));
        p.use(i, i + 2);
      } else if (w.matches("q[1-4]") && isYear(p.lower(i + 1))) {
        LocalDate from = LocalDate.of(Integer.parseInt(p.lower(i + 1)), (w.charAt(1) - '1') * 3 + 1, 1);
        p.dates = new DateRange(from, from.plusMonths(3));
        p.use(i, i + 2);
      } else if (isYear(w) && !p.used[i]) {
        LocalDate from = LocalDate.of(Integer.parseInt(w), 1, 1);
        p.dates = new DateRange(from, from.plusYears(1));
        p.use(i, i + 1);
      } else if ((w.equals("last") || w.equals("previous") || w.equals("this")) && i + 1 < p.words.size()) {
        boolean last = !w.equals("this");
        String next = p.lower(i + 1);
        if (next.equals("month")) {
          LocalDate first = today.withDayOfMonth(1);
          p.dates = last ? new DateRange(first.minusMonths(1), first) : new DateRange(first, first.plusMonths(1));
          p.use(i, i + 2);
        } else if (next.equals("year")) {
          LocalDate first = today.withDayOfYear(1);
          p.dates = last ? new DateRange(first.minusYears(1), first) : new DateRange(first, first.plusYears(1));
          p.use(i, i + 2);
        } else if (last && next.matches("\\d+") && p.lower(i + 2).startsWith("day")) {
          p.dates = new DateRange(today.minusDays(Long.parseLong(next)), today.plusDays(1));
          p.use(i, i + 3);
        }
      }
    }
  }

  private static boolean isYear(String w) {
    return w.matches("(19|20)\\d\\d");
  }

  private void readKeywords(Parse p) {
    for (int i = 0; i < p.words.size(); i++) {
      if (p.used[i]) {
        continue;
      }
      String w = p.lower(i);
      String next = p.lower(i + 1);
      if (w.equals("how") && next.equals("many") || w.equals("number") && next.equals("of")) {
        p.agg = Agg.COUNT;
        p.use(i, i + 2);
      } else if (w.equals("count")) {
        p.agg = Agg.COUNT;
        p.use(i, i + 1);
      } else if (w.equals("total") || w.equals("sum")) {
        setAgg(p, Agg.SUM, i);
      } else if (w.equals("average") || w.equals("avg") || w.equals("mean")) {
        setAgg(p, Agg.AVG, i);
      } else if (w.equals("maximum") || w.equals("max")) {
        setAgg(p, Agg.MAX, i);
      } else if (w.equals("minimum") || w.equals("min")) {
        setAgg(p, Agg.MIN, i);
      } else if (Set.of("top", "highest", "most", "largest", "biggest", "best", "greatest").contains(w)) {
        rank(p, i, true, w.equals("top") ? 10 : 1);
      } else if (Set.of("bottom", "lowest", "least", "smallest", "fewest", "worst").contains(w)) {
        rank(p, i, false, w.equals("bottom") ? 10 : 1);
      } else if (w.equals("by") || w.equals("per") || w.equals("each")) {
        p.use(i, i + 1);
        if (w.equals("each") && p.lower(i - 1).equals("for")) {
          p.use(i - 1, i);
        }
        p.marker[i + 1] = true;
        if (BUCKETS.contains(next) && schema.candidates(Words.stem(next)).isEmpty()) {
          p.buckets.add(next);
          p.use(i + 1, i + 2);
        }
      }
    }
  }

  private static void setAgg(Parse p, Agg agg, int i) {
    if (p.agg == null) {
      p.agg = agg;
    }
    p.use(i, i + 1);
  }

  private static void rank(Parse p, int i, boolean descending, int defaultLimit) {
    p.descending = descending;
    p.use(i, i + 1);
    if (p.lower(i + 1).matches("\\d{1,3}")) {
      p.limit = Integer.parseInt(p.lower(i + 1));
      p.use(i + 1, i + 2);
    } else if (p.lower(i - 1).matches("\\d{1,3}")) {
      p.limit = Integer.parseInt(p.lower(i - 1));
      p.use(i - 1, i);
    } else if (p.limit == null) {
      p.limit = defaultLimit;
    }
  }

  private void readTerms(Parse p, boolean snippetsOnly) {
    Table qualifier = null;
    int i = 0;
    while (i < p.words.size()) {
      if (p.used[i]) {
        qualifier = null;
        i++;
        continue;
      }
      boolean found = false;
      for (int len = Math.min(schema.longestPhrase(), p.words.size() - i); len >= 1 && !found; len--) {
        if (!free(p, i, len) || allStop(p, i, len)) {
          continue;
        }
        List<Candidate> cands = schema.candidates(String.join(" ", p.stems.subList(i, i + len)));
        if (snippetsOnly) {
          cands = cands.stream().filter(c -> c.tier() == Tier.SNIPPET).toList();
        }
        if (cands.isEmpty()) {
          continue;
        }
        String phrase = String.join(" ", p.stems.subList(i, i + len));
        Term t = resolve(cands, phrase, qualifier, i, p.marker[i] || (i > 0 && p.marker[i - 1] && isStop(p, i - 1)));
        p.use(i, i + len);
        found = true;
        if (t.table() != null && t.column() == null) {
          qualifier = t.table();
        } else {
          qualifier = null;
        }
        // A table word directly before a column of that table only qualifies it ("product name").
        if (t.column() != null && !p.terms.isEmpty()) {
          Term prev = p.terms.get(p.terms.size() - 1);
          if (prev.table() != null && prev.column() == null && prev.table() == t.column().table()
              && prev.pos() == i - 1) {
            p.terms.remove(p.terms.size() - 1);
            t = new Term(prev.pos(), prev.afterMarker() || t.afterMarker(), t.column(), null, null);
          }
        }
        p.terms.add(t);
        i += len;
      }
      if (!found) {
        if (!isStop(p, i)) {
          qualifier = null;
        }
        i++;
      }
    }
  }

  private Term resolve(List<Candidate> cands, String phrase, Table qualifier, int pos, boolean afterMarker) {
    Tier best = cands.get(0).tier();
    List<Candidate> top = cands.stream().filter(c -> c.tier() == best).toList();
    if (best == Tier.SNIPPET) {
      return new Term(pos, afterMarker, null, null, top.get(0).snippet());
    }
    if (best == Tier.TABLE) {
      return new Term(pos, afterMarker, null, top.get(0).table(), null);
    }
    List<Column> cols = new ArrayList<>();
    for (Candidate c : top) {
      cols.add(c.column());
    }
    cols.sort(java.util.Comparator.comparing(Column::key));
    if (cols.size() > 1 && qualifier != null) {
      List<Column> inTable = cols.stream().filter(c -> c.table() == qualifier).toList();
      if (inTable.size() == 1) {
        return new Term(pos, afterMarker, inTable.get(0), null, null);
      }
    }
    if (cols.size() > 1) {
      // Metadata disambiguates: exactly one candidate whose synonyms or description name the phrase.
      List<Column> named = cols.stream().filter(c -> c.config() != null && (c.config().synonyms().stream()
          .anyMatch(s -> Words.phrase(s).equals(phrase))
          || (" " + Words.phrase(c.config().descriptionText()) + " ").contains(" " + phrase + " "))).toList();
      if (named.size() == 1) {
        return new Term(pos, afterMarker, named.get(0), null, null);
      }
    }
    // Unresolved ambiguity: the first by identifier, which may well be the wrong one.
    return new Term(pos, afterMarker, cols.get(0), null, null);
  }

  private void readEntities(Parse p) {
    List<Column> dictionaries = new ArrayList<>();
    for (Table t : schema.tables) {
      for (Column c : t.columns()) {
        if (c.entityMatching() && c.isString()) {
          dictionaries.add(c);
        }
      }
    }
    if (dictionaries.isEmpty()) {
      return;
    }
    for (int len = 3; len >= 1; len--) {
      for (int i = 0; i + len <= p.words.size(); i++) {
        if (!free(p, i, len) || allStop(p, i, len)) {
          continue;
        }
        String phrase = String.join(" ", p.words.subList(i, i + len)).toLowerCase(Locale.ROOT);
        for (Column c : dictionaries) {
          String value = values.apply(c).get(phrase);
          if (value != null) {
            p.entityFilters.add(new Expr(c.ref() + " = " + quote(value), null, Set.of(c.table())));
            p.use(i, i + len);
            break;
          }
        }
      }
    }
  }

  private void readDescriptions(Parse p) {
    for (int i = 0; i < p.words.size(); i++) {
      if (p.used[i] || isStop(p, i)) {
        continue;
      }
      List<Column> cols = schema.describedBy(p.stems.get(i));
      if (!cols.isEmpty()) {
        p.terms.add(new Term(i, p.marker[i], cols.get(0), null, null));
        p.use(i, i + 1);
      }
    }
    p.terms.sort(java.util.Comparator.comparingInt(Term::pos));
  }

  private static boolean free(Parse p, int from, int len) {
    for (int k = from; k < from + len; k++) {
      if (p.used[k]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isStop(Parse p, int i) {
    return Words.STOP.contains(p.lower(i)) || p.lower(i).matches("\\d+");
  }

  private static boolean allStop(Parse p, int from, int len) {
    for (int k = from; k < from + len; k++) {
      if (!isStop(p, k)) {
        return false;
      }
    }
    return true;
  }

  // ---- from terms to SQL ------------------------------------------------------------------------------------

  private Outcome build(Parse p, int noise) {
    List<Expr> dims = new ArrayList<>();
    List<Expr> filters = new ArrayList<>(p.entityFilters);
    List<Term> rest = new ArrayList<>();
    boolean ranking = p.descending != null;
    for (Term t : p.terms) {
      if (t.snippet() != null) {
        switch (t.snippet().kind()) {
          case FILTER:
            filters.add(new Expr("(" + t.snippet().sql() + ")", null, t.snippet().tables()));
            break;
          case EXPRESSION:
            dims.add(new Expr(t.snippet().sql(), t.snippet().alias(), t.snippet().tables()));
            break;
          default:
            rest.add(t);
        }
      } else if (t.afterMarker() && !(ranking && t.isMeasureColumn())) {
        dims.add(dimension(t));
      } else {
        rest.add(t);
      }
    }
    dims.removeIf(d -> d == null);

    Expr measure = null;
    Term measureTerm = rest.stream().filter(t -> t.snippet() != null).findFirst()
        .or(() -> rest.stream().filter(Term::isMeasureColumn).findFirst()).orElse(null);
    Agg agg = p.agg;
    if (agg == Agg.COUNT) {
      measure = countOf(rest, measureTerm);
    } else if (measureTerm != null && measureTerm.snippet() != null) {
      measure = new Expr(measureTerm.snippet().sql(), measureTerm.snippet().alias(), measureTerm.snippet().tables());
    } else if (agg != null || ranking || (measureTerm != null && !dims.isEmpty())) {
      if (agg == null) {
        agg = ranking && dims.isEmpty() && rankedEntity(rest, measureTerm) == null
            ? (p.descending ? Agg.MAX : Agg.MIN) : Agg.SUM;
      }
      if (measureTerm == null && ranking && agg == Agg.SUM) {
        measure = countOf(rest, null);
        agg = Agg.COUNT;
      } else {
        Column col = measureTerm != null ? measureTerm.column() : guessMeasure(rest, dims);
        if (col == null) {
          return Outcome.noSql("I could not find which value to " + agg.name().toLowerCase(Locale.ROOT)
              + " in this space's tables.");
        }
        measure = aggregate(agg, col);
      }
    }
    boolean additive = agg == Agg.SUM || agg == Agg.COUNT || agg == Agg.AVG
        || agg == null && measureTerm != null && measureTerm.snippet() != null;
    if (measure != null && ranking && dims.isEmpty() && additive) {
      Term entity = rankedEntity(rest, measureTerm);
      if (entity != null) {
        dims.add(dimension(entity));
        dims.removeIf(d -> d == null);
      }
    }

    List<Expr> selects = new ArrayList<>();
    if (measure == null) {
      for (Term t : rest) {
        if (t.column() != null) {
          selects.add(new Expr(t.column().ref(), null, Set.of(t.column().table())));
        }
      }
      selects.addAll(dims);
      dims.clear();
    }
    Table main = mainTable(measure, dims, selects, p.terms, filters);
    if (main == null) {
      return Outcome.noSql("This space has no tables I can query.");
    }
    if (measure == null && selects.isEmpty()) {
      boolean namedTable = p.terms.stream().anyMatch(t -> t.table() == main);
      if (!namedTable) {
        return Outcome.noSql("I could not relate this question to the data in this space. Try naming a table or"
            + " column.");
      }
      selects.add(new Expr("*", null, Set.of(main)));
    }
    Optional<Column> mainDate = dateOf(main);
    for (String bucket : p.buckets) {
      mainDate.ifPresent(c -> dims.add(new Expr("date_trunc('" + bucket.toUpperCase(Locale.ROOT) + "', " + c.ref()
          + ")", bucket, Set.of(c.table()))));
    }
    if (p.dates != null) {
      Column date = p.terms.stream().map(Term::column).filter(c -> c != null && c.isTemporal()).findFirst()
          .orElse(mainDate.orElse(null));
      if (date != null) {
        filters.add(new Expr(date.ref() + " >= DATE '" + p.dates.from() + "' AND " + date.ref() + " < DATE '"
            + p.dates.until() + "'", null, Set.of(date.table())));
      }
    }
    if (noise == 1) {
      return Outcome.noSql("I'm not sure how to answer that with the data in this space.");
    }
    if (noise == 2 && !filters.isEmpty()) {
      filters.remove(filters.size() - 1);
    } else if (noise >= 2 && measure != null && agg != null && measureTerm != null && measureTerm.column() != null) {
      measure = aggregate(agg == Agg.AVG ? Agg.SUM : Agg.AVG, measureTerm.column());
    } else if (noise >= 2 && p.limit != null) {
      p.limit = null;
    }
    return render(main, dims, measure, selects, filters, ranking ? p.descending : null, p.limit);
  }

  private Expr dimension(Term t) {
    if (t.column() != null) {
      return new Expr(t.column().ref(), null, Set.of(t.column().table()));
    }
    if (t.table() != null) {
      return t.table().labelColumn().map(c -> new Expr(c.ref(), null, Set.of(t.table()))).orElse(null);
    }
    return new Expr(t.snippet().sql(), t.snippet().alias(), t.snippet().tables());
  }

  /**
   * The date a question about the main table is dated by: its own first date column, else that of the nearest
   * table it belongs to through declared many-to-one (or one-to-one) join specs — a line item is dated by its order.
   */
  private Optional<Column> dateOf(Table main) {
    Set<Table> seen = new LinkedHashSet<>(List.of(main));
    Deque<Table> queue = new ArrayDeque<>(List.of(main));
    while (!queue.isEmpty()) {
      Table from = queue.poll();
      Optional<Column> own = from.dateColumn();
      if (own.isPresent()) {
        return own;
      }
      for (JoinSpec j : schema.joins) {
        Optional<Table> l = schema.table(j.left().identifier());
        Optional<Table> r = schema.table(j.right().identifier());
        RelationshipType type = j.relationshipType().orElse(null);
        if (l.isEmpty() || r.isEmpty() || type == null) {
          continue;
        }
        boolean up = type == RelationshipType.ONE_TO_ONE;
        Table parent = null;
        if (l.get() == from && (up || type == RelationshipType.MANY_TO_ONE)) {
          parent = r.get();
        } else if (r.get() == from && (up || type == RelationshipType.ONE_TO_MANY)) {
          parent = l.get();
        }
        if (parent != null && seen.add(parent)) {
          queue.add(parent);
        }
      }
    }
    return Optional.empty();
  }

  private static Term rankedEntity(List<Term> rest, Term measureTerm) {
    return rest.stream().filter(t -> t != measureTerm && t.snippet() == null
        && (t.table() != null || (t.column() != null && !t.column().isMeasure()))).findFirst().orElse(null);
  }

  private Expr countOf(List<Term> rest, Term measureTerm) {
    for (Term t : rest) {
      if (t.table() != null && t.column() == null) {
        return new Expr("COUNT(*)", "count", Set.of(t.table()));
      }
    }
    for (Term t : rest) {
      if (t.column() != null && t != measureTerm && !t.column().isMeasure()) {
        return new Expr("COUNT(DISTINCT " + t.column().ref() + ")", "distinct_" + t.column().name(),
            Set.of(t.column().table()));
      }
    }
    return new Expr("COUNT(*)", "count", Set.of());
  }

  private Column guessMeasure(List<Term> rest, List<Expr> dims) {
    List<Table> near = new ArrayList<>();
    rest.stream().filter(t -> t.table() != null).forEach(t -> near.add(t.table()));
    dims.forEach(d -> near.addAll(d.tables()));
    near.addAll(schema.tables);
    for (Table t : near) {
      for (Column c : t.columns()) {
        if (c.isMeasure()) {
          return c;
        }
      }
    }
    return null;
  }

  private static Expr aggregate(Agg agg, Column c) {
    String prefix = agg == Agg.SUM ? "total_" : agg.name().toLowerCase(Locale.ROOT) + "_";
    return new Expr(agg.name() + "(" + c.ref() + ")", prefix + c.name(), Set.of(c.table()));
  }

  private Table mainTable(Expr measure, List<Expr> dims, List<Expr> selects, List<Term> terms, List<Expr> filters) {
    List<Expr> ordered = new ArrayList<>();
    if (measure != null) {
      ordered.add(measure);
    }
    ordered.addAll(dims);
    ordered.addAll(selects);
    for (Expr e : ordered) {
      if (!e.tables().isEmpty()) {
        return e.tables().iterator().next();
      }
    }
    for (Term t : terms) {
      if (t.table() != null) {
        return t.table();
      }
    }
    for (Expr f : filters) {
      if (!f.tables().isEmpty()) {
        return f.tables().iterator().next();
      }
    }
    return schema.tables.isEmpty() ? null : schema.tables.get(0);
  }

  private Outcome render(Table main, List<Expr> dims, Expr measure, List<Expr> selects, List<Expr> filters,
      Boolean descending, Integer limit) {
    Map<Table, Hop> joins = joinPaths(main);
    List<Expr> keptDims = reachable(dims, joins);
    List<Expr> keptSelects = reachable(selects, joins);
    List<Expr> keptFilters = reachable(filters, joins);
    if (measure != null && !joins.keySet().containsAll(measure.tables())) {
      return Outcome.noSql("I could not find how the tables of this question are related.");
    }
    if (measure == null && keptSelects.isEmpty()) {
      return Outcome.noSql("I could not find how the tables of this question are related.");
    }
    Set<Table> needed = new LinkedHashSet<>();
    needed.add(main);
    for (List<Expr> list : List.of(keptDims, keptSelects, keptFilters)) {
      list.forEach(e -> needed.addAll(e.tables()));
    }
    if (measure != null) {
      needed.addAll(measure.tables());
    }
    List<String> select = new ArrayList<>();
    for (Expr d : keptDims) {
      select.add(d.alias() == null ? d.sql() : d.sql() + " AS `" + d.alias() + "`");
    }
    for (Expr s : keptSelects) {
      select.add(s.sql());
    }
    if (measure != null) {
      select.add(measure.sql() + " AS `" + measure.alias() + "`");
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select))
        .append("\nFROM `").append(main.identifier().replace(".", "`.`")).append("` AS `").append(main.alias())
        .append('`');
    appendJoins(sql, main, needed, joins);
    if (!keptFilters.isEmpty()) {
      sql.append("\nWHERE ").append(String.join("\n  AND ", keptFilters.stream().map(Expr::sql).toList()));
    }
    if (measure != null && !keptDims.isEmpty()) {
      sql.append("\nGROUP BY ").append(String.join(", ", keptDims.stream().map(Expr::sql).toList()));
    }
    if (descending != null && measure != null && !keptDims.isEmpty()) {
      sql.append("\nORDER BY `").append(measure.alias()).append(descending ? "` DESC" : "` ASC");
      if (limit != null) {
        sql.append("\nLIMIT ").append(limit);
      }
    } else if (measure != null && !keptDims.isEmpty()) {
      sql.append("\nORDER BY ").append(String.join(", ", keptDims.stream().map(Expr::sql).toList()));
    } else if (measure == null && limit != null) {
      sql.append("\nLIMIT ").append(limit);
    }
    return new Outcome(sql.toString(), null);
  }

  private static List<Expr> reachable(List<Expr> list, Map<Table, Hop> joins) {
    return list.stream().filter(e -> joins.keySet().containsAll(e.tables())).toList();
  }

  /** How a table is reached: its JOIN clause and the table it joins to. */
  private record Hop(String clause, Table parent) {}

  /** Breadth-first over the declared join specs only: every reachable table, in discovery order. */
  private Map<Table, Hop> joinPaths(Table main) {
    Map<Table, Hop> clause = new LinkedHashMap<>();
    clause.put(main, new Hop("", null));
    Deque<Table> queue = new ArrayDeque<>(List.of(main));
    while (!queue.isEmpty()) {
      Table from = queue.poll();
      for (JoinSpec j : schema.joins) {
        Optional<Table> l = schema.table(j.left().identifier());
        Optional<Table> r = schema.table(j.right().identifier());
        if (l.isEmpty() || r.isEmpty()) {
          continue;
        }
        Table other = l.get() == from ? r.get() : r.get() == from ? l.get() : null;
        if (other == null || clause.containsKey(other)) {
          continue;
        }
        String on = j.condition().orElseThrow();
        on = realias(on, j.left().alias(), l.get().alias());
        on = realias(on, j.right().alias(), r.get().alias());
        clause.put(other, new Hop("\nJOIN `" + other.identifier().replace(".", "`.`") + "` AS `" + other.alias()
            + "` ON " + on, from));
        queue.add(other);
      }
    }
    return clause;
  }

  private static String realias(String condition, String specAlias, String alias) {
    if (specAlias == null || specAlias.equals(alias)) {
      return condition;
    }
    return condition.replaceAll("`?\\b" + Pattern.quote(specAlias) + "\\b`?\\s*\\.", "`" + alias + "`.");
  }

  private static void appendJoins(StringBuilder sql, Table main, Set<Table> needed, Map<Table, Hop> joins) {
    Set<Table> emit = new LinkedHashSet<>();
    for (Table t : needed) {
      for (Table at = t; at != null && at != main; at = joins.get(at).parent()) {
        emit.add(at);
      }
    }
    // Discovery order puts every table after the one it joins to.
    for (Map.Entry<Table, Hop> e : joins.entrySet()) {
      if (emit.contains(e.getKey())) {
        sql.append(e.getValue().clause());
      }
    }
  }

  private static String quote(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
